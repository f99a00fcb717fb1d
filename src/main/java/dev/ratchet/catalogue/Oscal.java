package dev.ratchet.catalogue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Mappings in NIST's OSCAL control mapping model ({@code mapping-collection}, OSCAL 1.2): exported as a collection
 * with one mapping whose source and target resources name our frameworks ({@code urn:ratchet:catalogue:<id>}), one
 * map per row (relationship, sources, targets, confidence-score, and the row's source as a property); and read back
 * from the catalogue folder, so that a crosswalk published in OSCAL can be dropped in beside the frameworks. Control
 * ids are our requirement codes (an OSCAL token allows no parentheses, so a code such as {@code Art.21(2)(b)} goes out
 * as written and is read back the same way).
 */
final class Oscal {

    static final String VERSION = "1.2.0";
    static final String RESOURCE = "urn:ratchet:catalogue:";

    private Oscal() {
    }

    /** The mapping as an OSCAL mapping-collection; the same mapping exports to the same document (uuids from its content). */
    static Map<String, Object> export(Mapping mapping, Instant lastModified) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", mapping.name());
        metadata.put("last-modified", lastModified.atOffset(ZoneOffset.UTC).toString());
        metadata.put("version", mapping.version());
        metadata.put("oscal-version", VERSION);
        metadata.put("props", List.of(prop("licence", mapping.licence()), prop("written", mapping.written()),
                prop("ratchet-mapping-id", mapping.id())));
        if (mapping.description() != null) {
            metadata.put("remarks", mapping.description());
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Mapping.Row row : mapping.rows()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("uuid", uuid(mapping.id() + "\n" + row.from() + "\n" + row.to()));
            map.put("relationship", row.relation().oscal());
            map.put("sources", List.of(Map.of("type", "control", "id-ref", code(row.from()))));
            map.put("targets", List.of(Map.of("type", "control", "id-ref", code(row.to()))));
            map.put("confidence-score", Map.of("category", row.confidence().name().toLowerCase(java.util.Locale.ROOT)));
            map.put("props", List.of(prop("source", row.source())));
            maps.add(map);
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("uuid", uuid(mapping.id() + "\nmapping"));
        one.put("source-resource", Map.of("type", "catalog", "href", RESOURCE + mapping.from()));
        one.put("target-resource", Map.of("type", "catalog", "href", RESOURCE + mapping.to()));
        one.put("maps", maps);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("uuid", uuid(mapping.id()));
        collection.put("metadata", metadata);
        collection.put("provenance", Map.of("method", "human", "matching-rationale", "semantic", "status", "complete",
                "mapping-description", mapping.source()));
        collection.put("mappings", List.of(one));
        return Map.of("mapping-collection", collection);
    }

    /** An OSCAL mapping-collection with one mapping, read as a mapping file (checked like one afterwards). */
    static MappingFile read(JsonNode root, String file) {
        JsonNode collection = root.path("mapping-collection");
        JsonNode metadata = collection.path("metadata");
        JsonNode mappings = collection.path("mappings");
        if (mappings.size() != 1) {
            throw new IllegalStateException("Mapping file " + file + " is not valid: Ratchet reads an OSCAL mapping-collection with exactly one mapping (one pair of frameworks); this one has " + mappings.size());
        }
        JsonNode mapping = mappings.get(0);
        List<MappingFile.Row> rows = new ArrayList<>();
        for (JsonNode map : mapping.path("maps")) {
            String source = propOf(map, "source");
            if (source == null) {
                source = text(collection.path("provenance").path("mapping-description"));
            }
            JsonNode sources = map.path("sources");
            JsonNode targets = map.path("targets");
            // One row per pair of a map's sources and targets.
            for (JsonNode s : sources) {
                for (JsonNode t : targets) {
                    rows.add(new MappingFile.Row(text(s.path("id-ref")), text(t.path("id-ref")), text(map.path("relationship")),
                            text(map.path("confidence-score").path("category")), source));
                }
            }
            if (sources.isEmpty() || targets.isEmpty()) {
                rows.add(new MappingFile.Row(null, null, text(map.path("relationship")), null, source));
            }
        }
        String lastModified = text(metadata.path("last-modified"));
        String written = propOf(metadata, "written");
        if (written == null && lastModified != null && lastModified.length() >= 10) {
            written = lastModified.substring(0, 10);
        }
        String licence = propOf(metadata, "licence");
        String id = propOf(metadata, "ratchet-mapping-id");
        String from = framework(text(mapping.path("source-resource").path("href")));
        String to = framework(text(mapping.path("target-resource").path("href")));
        return new MappingFile("mapping", id != null ? id : from + "--" + to + "-oscal", text(metadata.path("title")), text(metadata.path("remarks")),
                text(collection.path("provenance").path("mapping-description")) == null ? "OSCAL mapping " + file
                        : text(collection.path("provenance").path("mapping-description")),
                text(metadata.path("version")), licence == null ? "not stated in the OSCAL file" : licence, written, from, to, rows);
    }

    /** The framework id at the end of a resource's href: {@code urn:ratchet:catalogue:nist-csf-2.0}, {@code #nist-csf-2.0}, {@code …/nist-csf-2.0.json}. */
    private static String framework(String href) {
        if (href == null) {
            return null;
        }
        String id = href.substring(Math.max(href.lastIndexOf(':'), Math.max(href.lastIndexOf('#'), href.lastIndexOf('/'))) + 1);
        return id.endsWith(".json") ? id.substring(0, id.length() - 5) : id;
    }

    private static String code(String reference) {
        return reference.substring(reference.indexOf(':') + 1);
    }

    private static Map<String, String> prop(String name, String value) {
        return Map.of("name", name, "ns", "https://ratchet.dev/ns/oscal", "value", value);
    }

    private static String propOf(JsonNode node, String name) {
        for (JsonNode p : node.path("props")) {
            if (name.equals(text(p.path("name")))) {
                return text(p.path("value"));
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static String uuid(String content) {
        return UUID.nameUUIDFromBytes(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
