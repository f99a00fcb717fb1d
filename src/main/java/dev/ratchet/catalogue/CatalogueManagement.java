package dev.ratchet.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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

    /** The framework whose bare codes ({@code A.5.1}, {@code 9.2}) a person means when they name no framework. */
    public static final String PRIMARY = "iso27001-2022";

    private final Map<String, Framework> frameworks;
    private final Map<String, Mapping> mappings;
    /** Every requirement with the requirements mapped to it, both ways, by reference. */
    private final Map<String, List<Mapped>> mapped;
    private final Map<String, Requirement> byReference;
    private final Map<String, String> shortNames;
    /** Every requirement with its code and title in lower case, in the order of {@link #frameworks()}, for search. */
    private final List<Searchable> searchable;

    private record Searchable(Requirement requirement, String code, String title) {
    }

    CatalogueManagement(@Value("${ratchet.catalogue.directory:}") String directory) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Map<String, Framework> loaded = new LinkedHashMap<>();
        Map<String, JsonNode> mappingFiles = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                read(json, json.readTree(in), resource.getFilename(), loaded, mappingFiles);
            }
        }
        if (!directory.isBlank() && Files.isDirectory(Path.of(directory))) {
            try (var files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    read(json, json.readTree(file.toFile()), file.toString(), loaded, mappingFiles);
                }
            }
        }
        this.frameworks = Map.copyOf(loaded);
        this.shortNames = loaded.values().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Framework::id, Framework::shortName));
        Map<String, Mapping> crosswalks = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : mappingFiles.entrySet()) {
            JsonNode tree = file.getValue();
            MappingFile written = tree.has("mapping-collection") ? Oscal.read(tree, file.getKey())
                    : parse(json, tree, MappingFile.class, file.getKey(), "Mapping");
            Mapping mapping = written.toMapping(file.getKey(), frameworks);
            if (crosswalks.putIfAbsent(mapping.id(), mapping) != null) {
                throw new IllegalStateException("Two mapping files define the mapping " + mapping.id() + " (the second is " + file.getKey() + ")");
            }
        }
        this.mappings = Map.copyOf(crosswalks);
        Map<String, Requirement> references = new HashMap<>();
        List<Searchable> all = new ArrayList<>();
        for (Framework f : frameworks()) {
            for (Requirement r : f.requirements()) {
                references.put(r.reference(), r);
                all.add(new Searchable(r, r.code().toLowerCase(Locale.ROOT), r.title().toLowerCase(Locale.ROOT)));
            }
        }
        this.byReference = Map.copyOf(references);
        this.searchable = List.copyOf(all);
        Map<String, List<Mapped>> index = new HashMap<>();
        for (Mapping m : crosswalks.values()) {
            for (Mapping.Row row : m.rows()) {
                index.computeIfAbsent(row.from(), k -> new ArrayList<>())
                        .add(new Mapped(byReference.get(row.to()), row.relation(), row.confidence(), row.source(), m.id()));
                index.computeIfAbsent(row.to(), k -> new ArrayList<>())
                        .add(new Mapped(byReference.get(row.from()), row.relation().inverse(), row.confidence(), row.source(), m.id()));
            }
        }
        Map<String, Integer> order = new HashMap<>();
        all.forEach(s -> order.put(s.requirement().reference(), order.size()));
        index.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(x -> order.get(x.reference()))).toList());
        this.mapped = Map.copyOf(index);
        loaded.values().forEach(f -> LOG.info("Catalogue: {} with {} requirements", f.name(), f.requirements().size()));
        crosswalks.values().forEach(m -> LOG.info("Mapping: {} with {} rows", m.name(), m.rows().size()));
    }

    /** A framework file goes in now; a mapping file waits until every framework is loaded, as its rows name them. */
    private static void read(JsonMapper json, JsonNode tree, String file, Map<String, Framework> loaded, Map<String, JsonNode> mappings) {
        if (tree.has("mapping-collection") || "mapping".equals(tree.path("kind").asString(null))) {
            mappings.put(file, tree);
            return;
        }
        Framework framework = parse(json, tree, CatalogueFile.class, file, "Catalogue").toFramework(file);
        if (loaded.putIfAbsent(framework.id(), framework) != null) {
            throw new IllegalStateException("Two catalogue files define the framework " + framework.id() + " (the second is " + file + ")");
        }
    }

    private static <T> T parse(JsonMapper json, JsonNode tree, Class<T> type, String file, String what) {
        try {
            return json.treeToValue(tree, type);
        }
        catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException(what + " file " + file + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public List<Framework> frameworks() {
        return frameworks.values().stream().sorted(Comparator.comparing(Framework::name)).toList();
    }

    /** Each framework's short name by id ("nis2-2022-2555" → "NIS2"), as lists name a requirement beside its code. */
    public Map<String, String> shortNames() {
        return shortNames;
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    /** Requirements whose code or title contains the text, in the framework's order (frameworks by name). */
    public List<Requirement> search(String frameworkId, String text, Requirement.Kind kind) {
        return searchIn(frameworkId == null || frameworkId.isBlank() ? null : java.util.Set.of(frameworkId), text, kind);
    }

    /** Requirements of these frameworks (all when null) whose code or title contains the text. */
    public List<Requirement> searchIn(java.util.Collection<String> frameworkIds, String text, Requirement.Kind kind) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Requirement> found = new ArrayList<>();
        for (Searchable s : searchable) {
            Requirement r = s.requirement();
            if ((frameworkIds == null || frameworkIds.contains(r.framework())) && (kind == null || r.kind() == kind)
                    && (needle.isEmpty() || s.code().contains(needle) || s.title().contains(needle))) {
                found.add(r);
            }
        }
        return found;
    }

    // --- mappings ------------------------------------------------------------------------------------------------

    public List<Mapping> mappings() {
        return mappings.values().stream().sorted(Comparator.comparing(Mapping::name)).toList();
    }

    public Optional<Mapping> mapping(String id) {
        return Optional.ofNullable(mappings.get(id));
    }

    /** The requirements mapped to this one, in any framework, both ways, in catalogue order. */
    public List<Mapped> mapped(String reference) {
        return reference == null ? List.of() : mapped.getOrDefault(reference, List.of());
    }

    /** The requirements mapped to this one in the given frameworks (say, those in an organisation's scope). */
    public List<Mapped> mapped(String reference, java.util.Collection<String> frameworkIds) {
        return mapped(reference).stream().filter(m -> frameworkIds.contains(m.requirement().framework())).toList();
    }

    /**
     * What a filter by this requirement finds a record by: the requirement itself and the requirements mapped to it,
     * and to its refinements (a filter by NIST CSF's RS.MA also finds what is mapped to RS.MA-01).
     */
    public java.util.Set<String> reach(String reference) {
        java.util.Set<String> reach = new java.util.LinkedHashSet<>();
        for (String r : withRefinements(reference)) {
            reach.add(r);
            mapped(r).forEach(m -> reach.add(m.reference()));
        }
        return reach;
    }

    /** The requirement and every requirement under it, as references. */
    public List<String> withRefinements(String reference) {
        Requirement top = byReference.get(reference);
        if (top == null) {
            return reference == null ? List.of() : List.of(reference);
        }
        List<String> found = new ArrayList<>(List.of(reference));
        java.util.Set<String> codes = new java.util.HashSet<>(java.util.Set.of(top.code()));
        for (Requirement r : frameworks.get(top.framework()).requirements()) {
            if (r.parent() != null && codes.contains(r.parent()) && codes.add(r.code())) {
                found.add(r.reference());
            }
        }
        return found;
    }

    /** The mapping in NIST's OSCAL mapping model (a mapping-collection), to exchange with other tools. */
    public Optional<Map<String, Object>> oscal(String mappingId, java.time.Instant lastModified) {
        return mapping(mappingId).map(m -> Oscal.export(m, lastModified));
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
        return Optional.ofNullable(byReference.get(reference));
    }

    /**
     * The full reference of what someone typed: {@code iso27001-2022:A.5.1} as it is, or a code alone ({@code A.5.1},
     * {@code 9.2}) when exactly one framework has it. Refuses (422 naming the field) a reference that is unknown or
     * ambiguous, saying the form expected.
     */
    public String resolve(String field, String reference) {
        String typed = reference == null ? "" : reference.strip();
        if (typed.indexOf(':') > 0 && frameworks.containsKey(typed.substring(0, typed.indexOf(':')))) {
            return find(typed).map(Requirement::reference).orElseThrow(() -> dev.ratchet.shared.Refused.field(field,
                    "\"" + dev.ratchet.shared.Texts.excerpt(typed) + "\" is not in the catalogue" + FORM));
        }
        List<Requirement> matches = searchable.stream().map(Searchable::requirement)
                .filter(r -> r.code().equalsIgnoreCase(typed)).toList();
        // A code alone means ISO/IEC 27001's when it has one: "9.2" and "A.5.1" are read as they always were, even
        // though ISO/IEC 42001 numbers its clauses the same way.
        List<Requirement> primary = matches.stream().filter(r -> r.framework().equals(PRIMARY)).toList();
        if (primary.size() == 1) {
            return primary.get(0).reference();
        }
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
            + "iso27001-2022:9.2, or by its code alone (ISO/IEC 27001's when it has that code, otherwise the one framework that has it; GET /api/v1/catalogue/requirements lists them)";
}
