package dev.ratchet.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The frameworks Ratchet knows, read once at start-up from {@code classpath:catalogue/*.json} and from the optional
 * folder {@code ratchet.catalogue.directory}, where an organisation can drop further frameworks.
 */
@Service
public class CatalogueManagement {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueManagement.class);

    private final Map<String, Framework> frameworks;

    CatalogueManagement(@Value("${ratchet.catalogue.directory:}") String directory) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Map<String, Framework> loaded = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                add(loaded, json.readValue(in, CatalogueFile.class).toFramework(resource.getFilename()));
            }
        }
        if (!directory.isBlank() && Files.isDirectory(Path.of(directory))) {
            try (var files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    add(loaded, json.readValue(file.toFile(), CatalogueFile.class).toFramework(file.toString()));
                }
            }
        }
        this.frameworks = Map.copyOf(loaded);
        loaded.values().forEach(f -> LOG.info("Catalogue: {} with {} requirements", f.name(), f.requirements().size()));
    }

    private static void add(Map<String, Framework> loaded, Framework framework) {
        if (loaded.putIfAbsent(framework.id(), framework) != null) {
            throw new IllegalStateException("Two catalogue files define the framework " + framework.id());
        }
    }

    public List<Framework> frameworks() {
        return frameworks.values().stream().sorted(Comparator.comparing(Framework::name)).toList();
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    /** Requirements whose code or title contains the text, in the framework's order. */
    public List<Requirement> search(String frameworkId, String text, Requirement.Kind kind) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Requirement> found = new ArrayList<>();
        for (Framework framework : frameworks()) {
            if (frameworkId != null && !frameworkId.isBlank() && !framework.id().equals(frameworkId)) {
                continue;
            }
            for (Requirement r : framework.requirements()) {
                if ((kind == null || r.kind() == kind) && (needle.isEmpty()
                        || r.code().toLowerCase(Locale.ROOT).contains(needle)
                        || r.title().toLowerCase(Locale.ROOT).contains(needle))) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    /**
     * What an audit checks line by line: the clauses and controls that no other requirement refines (9.2 but not
     * its heading 9, A.5.18 but not the theme A.5), in the framework's order.
     */
    public List<Requirement> auditable(String frameworkId) {
        return framework(frameworkId).map(f -> {
            java.util.Set<String> parents = new java.util.HashSet<>();
            f.requirements().forEach(r -> { if (r.parent() != null) parents.add(r.parent()); });
            return f.requirements().stream()
                    .filter(r -> r.kind() != Requirement.Kind.THEME && !parents.contains(r.code())).toList();
        }).orElse(List.of());
    }

    /** A requirement by its reference, such as {@code iso27001-2022:A.5.1}. */
    public Optional<Requirement> find(String reference) {
        int colon = reference == null ? -1 : reference.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String code = reference.substring(colon + 1);
        return framework(reference.substring(0, colon))
                .flatMap(f -> f.requirements().stream().filter(r -> r.code().equals(code)).findFirst());
    }

    /**
     * The full reference of what someone typed: {@code iso27001-2022:A.5.1} as it is, or a code alone ({@code A.5.1},
     * {@code 9.2}) when exactly one framework has it. Refuses (422 naming the field) a reference that is unknown or
     * ambiguous, saying the form expected.
     */
    public String resolve(String field, String reference) {
        String typed = reference == null ? "" : reference.strip();
        if (typed.indexOf(':') > 0) {
            return find(typed).map(Requirement::reference).orElseThrow(() -> dev.ratchet.shared.Refused.field(field,
                    "\"" + dev.ratchet.shared.Texts.excerpt(typed) + "\" is not in the catalogue" + FORM));
        }
        List<Requirement> matches = frameworks().stream().flatMap(f -> f.requirements().stream())
                .filter(r -> r.code().equalsIgnoreCase(typed)).toList();
        if (matches.size() == 1) {
            return matches.get(0).reference();
        }
        if (matches.isEmpty()) {
            throw dev.ratchet.shared.Refused.field(field, "\"" + dev.ratchet.shared.Texts.excerpt(typed) + "\" is not in the catalogue" + FORM);
        }
        throw dev.ratchet.shared.Refused.field(field, "\"" + typed + "\" is in more than one framework: name it as "
                + matches.stream().map(Requirement::reference).collect(java.util.stream.Collectors.joining(" or ")));
    }

    /**
     * The references of a list someone typed (a form's or an API body's), blanks skipped; each one unknown or ambiguous
     * goes into {@code problems} under its field, {@code field[i]}, so that it is named beside the others refused.
     */
    public List<String> resolveAll(String field, List<String> typed, Map<String, String> problems) {
        List<String> resolved = new ArrayList<>();
        for (int i = 0; typed != null && i < typed.size(); i++) {
            if (typed.get(i) != null && !typed.get(i).isBlank()) {
                try {
                    resolved.add(resolve(field + "[" + i + "]", typed.get(i)));
                }
                catch (dev.ratchet.shared.Refused unknown) {
                    problems.putAll(unknown.fieldErrors());
                }
            }
        }
        return resolved;
    }

    /** The references in a cell of an import, separated by commas, semicolons or lines; each one refused goes to {@code problem}. */
    public List<String> resolveCell(String cell, java.util.function.Consumer<String> problem) {
        List<String> resolved = new ArrayList<>();
        for (String code : cell == null ? new String[0] : cell.split("[,;\\n]")) {
            if (!code.isBlank()) {
                try {
                    resolved.add(resolve("requirements", code.strip()));
                }
                catch (dev.ratchet.shared.Refused unknown) {
                    problem.accept(unknown.getMessage());
                }
            }
        }
        return resolved;
    }

    private static final String FORM = ": name a requirement as framework:code, such as iso27001-2022:A.5.1 or "
            + "iso27001-2022:9.2, or by its code alone when only one framework has it (GET /api/v1/catalogue/requirements lists them)";
}
