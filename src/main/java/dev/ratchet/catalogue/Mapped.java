package dev.ratchet.catalogue;

/**
 * A requirement another one is mapped to, seen from the one asked about: {@code relation} reads "the asked requirement
 * is {relation} this one"; {@code confidence} and {@code source} as the mapping row gives them; {@code mapping} is the
 * id of the mapping file the row comes from.
 */
public record Mapped(String reference, Requirement requirement, Relation relation, Mapping.Confidence confidence, String source,
        String mapping) {

    Mapped(Requirement requirement, Relation relation, Mapping.Confidence confidence, String source, String mapping) {
        this(requirement.reference(), requirement, relation, confidence, source, mapping);
    }
}
