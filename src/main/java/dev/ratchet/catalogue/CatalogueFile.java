package dev.ratchet.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A framework as written in a catalogue file (see docs/catalogue-format.md), checked before it is used: a broken
 * file stops start-up with a message that names the file and the entry, rather than half-loading.
 */
record CatalogueFile(String kind, String id, String name, String shortName, String description, String source, String version, String licence,
        String written, String obligationType, String jurisdiction, List<Entry> requirements) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,59}");

    record Entry(String code, String title, String kind, String parent, String theme) {
    }

    Framework toFramework(String file) {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("\"id\" must be 2-60 lower-case letters, digits, dots or dashes");
        }
        if (name == null || name.isBlank()) {
            problems.add("\"name\" is missing");
        }
        if (kind != null && !kind.equals("framework")) {
            problems.add("\"kind\" must be \"framework\" or \"mapping\"");
        }
        problems.addAll(Provenance.check(source, version, licence, written));
        if (obligationType != null && !List.of("LEGAL", "REGULATORY", "CONTRACTUAL", "STANDARD").contains(obligationType)) {
            problems.add("\"obligationType\" must be LEGAL, REGULATORY, CONTRACTUAL or STANDARD");
        }
        if (requirements == null || requirements.isEmpty()) {
            problems.add("\"requirements\" is empty");
        }
        Set<String> codes = new LinkedHashSet<>();
        Map<String, Entry> byCode = new HashMap<>();
        if (requirements != null) {
            for (int i = 0; i < requirements.size(); i++) {
                Entry e = requirements.get(i);
                String where = "requirement " + (i + 1) + (e.code() == null ? "" : " (" + e.code() + ")");
                if (e.code() == null || e.code().isBlank() || e.code().length() > 40) {
                    problems.add(where + ": \"code\" is missing or longer than 40 characters");
                }
                else if (!codes.add(e.code())) {
                    problems.add(where + ": code appears twice");
                }
                if (e.title() == null || e.title().isBlank()) {
                    problems.add(where + ": \"title\" is missing");
                }
                try {
                    Requirement.Kind.valueOf(String.valueOf(e.kind()));
                }
                catch (IllegalArgumentException bad) {
                    problems.add(where + ": \"kind\" must be CLAUSE, THEME or CONTROL");
                }
                byCode.put(e.code(), e);
            }
            for (Entry e : requirements) {
                if (e.parent() != null && !codes.contains(e.parent())) {
                    problems.add("requirement " + e.code() + ": parent " + e.parent() + " is not in the file");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Catalogue file " + file + " is not valid: " + String.join("; ", problems));
        }
        List<Requirement> loaded = new ArrayList<>();
        for (Entry e : requirements) {
            int depth = 0;
            for (Entry p = e; p.parent() != null && depth < 10; p = byCode.get(p.parent())) {
                depth++;
            }
            loaded.add(new Requirement(id, e.code(), e.title().strip(), Requirement.Kind.valueOf(e.kind()), e.parent(),
                    e.theme(), depth));
        }
        return new Framework(id, name, shortName == null || shortName.isBlank() ? name : shortName.strip(), description, List.copyOf(loaded), source.strip(), version.strip(), licence.strip(), written,
                obligationType == null ? "STANDARD" : obligationType, jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip());
    }
}
