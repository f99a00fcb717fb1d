package dev.ratchet.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A crosswalk as written in a mapping file (see docs/catalogue-format.md), checked against the frameworks loaded:
 * a row naming a framework or a code Ratchet does not know stops start-up naming the file and the row.
 */
record MappingFile(String kind, String id, String name, String description, String source, String version, String licence,
        String written, String from, String to, List<Row> rows) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,119}");

    record Row(String from, String to, String relation, String confidence, String source) {
    }

    Mapping toMapping(String file, Map<String, Framework> frameworks) {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("\"id\" must be 2-120 lower-case letters, digits, dots or dashes");
        }
        if (name == null || name.isBlank()) {
            problems.add("\"name\" is missing");
        }
        problems.addAll(Provenance.check(source, version, licence, written));
        Framework left = from == null ? null : frameworks.get(from);
        Framework right = to == null ? null : frameworks.get(to);
        if (left == null) {
            problems.add("\"from\" names no framework Ratchet knows: \"" + from + "\"");
        }
        if (right == null) {
            problems.add("\"to\" names no framework Ratchet knows: \"" + to + "\"");
        }
        if (left != null && left == right) {
            problems.add("\"from\" and \"to\" are the same framework");
        }
        if (rows == null || rows.isEmpty()) {
            problems.add("\"rows\" is empty");
        }
        List<Mapping.Row> loaded = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; rows != null && i < rows.size() && left != null && right != null; i++) {
            Row row = rows.get(i);
            String where = "row " + (i + 1) + " (" + row.from() + " → " + row.to() + ")";
            int before = problems.size();
            if (!has(left, row.from())) {
                problems.add(where + ": " + row.from() + " is not a requirement of " + from);
            }
            if (!has(right, row.to())) {
                problems.add(where + ": " + row.to() + " is not a requirement of " + to);
            }
            Relation relation = null;
            try {
                relation = Relation.parse(row.relation());
            }
            catch (IllegalArgumentException bad) {
                problems.add(where + ": " + bad.getMessage());
            }
            Mapping.Confidence confidence = null;
            try {
                confidence = Mapping.Confidence.valueOf(String.valueOf(row.confidence()).strip().toUpperCase(java.util.Locale.ROOT));
            }
            catch (IllegalArgumentException bad) {
                problems.add(where + ": \"confidence\" must be high, medium or low");
            }
            if (row.source() == null || row.source().isBlank()) {
                problems.add(where + ": \"source\" is missing: say where the row comes from (a publication, or who wrote it)");
            }
            if (!pairs.add(row.from() + "\n" + row.to())) {
                problems.add(where + ": the pair appears twice");
            }
            if (problems.size() == before) {
                loaded.add(new Mapping.Row(from + ":" + row.from(), to + ":" + row.to(), relation, confidence, row.source().strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Mapping file " + file + " is not valid: " + String.join("; ", problems));
        }
        return new Mapping(id, name.strip(), description, source.strip(), version.strip(), licence.strip(), written, from, to,
                List.copyOf(loaded), file);
    }

    private static boolean has(Framework framework, String code) {
        return code != null && framework.requirements().stream().anyMatch(r -> r.code().equals(code));
    }
}
