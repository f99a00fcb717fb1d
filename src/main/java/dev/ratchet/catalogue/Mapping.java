package dev.ratchet.catalogue;

import java.util.List;

/**
 * A crosswalk between two frameworks: one row per pair of requirements, with how they relate, how sure the author is,
 * and where the row comes from (a published mapping, or the author's own reading). See docs/catalogue-format.md.
 */
public record Mapping(String id, String name, String description, String source, String version, String licence,
        String written, String from, String to, List<Row> rows, String file) {

    public enum Confidence { HIGH, MEDIUM, LOW }

    /** One row: {@code from} is a requirement of the first framework, {@code to} one of the second; both as references. */
    public record Row(String from, String to, Relation relation, Confidence confidence, String source) {
    }
}
