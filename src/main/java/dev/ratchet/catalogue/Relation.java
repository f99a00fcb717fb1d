package dev.ratchet.catalogue;

import java.util.Locale;

/**
 * How a requirement stands to the one it is mapped to, read from the first one's side: "A.5.24 is a SUBSET of NIS2
 * Art. 21(2)(b)" means meeting Art. 21(2)(b) asks more than A.5.24 does. The words are OSCAL's mapping relationships.
 */
public enum Relation {
    EQUIVALENT("equivalent-to", "the same as"),
    SUBSET("subset-of", "part of"),
    SUPERSET("superset-of", "more than"),
    INTERSECTS("intersects-with", "overlaps");

    private final String oscal;
    private final String words;

    Relation(String oscal, String words) {
        this.oscal = oscal;
        this.words = words;
    }

    /** The relation seen from the other side. */
    public Relation inverse() {
        return switch (this) {
            case SUBSET -> SUPERSET;
            case SUPERSET -> SUBSET;
            default -> this;
        };
    }

    public String oscal() {
        return oscal;
    }

    public String words() {
        return words;
    }

    /** The relation a file names, in our words (equivalent, subset…) or OSCAL's (equivalent-to, equal-to, subset-of…). */
    static Relation parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Relation r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(t) || r.oscal.equals(t)) {
                return r;
            }
        }
        if (t.equals("equal-to") || t.equals("equal")) {
            return EQUIVALENT;
        }
        throw new IllegalArgumentException("\"relation\" must be equivalent, subset, superset or intersects (or OSCAL's equivalent-to, equal-to, subset-of, superset-of, intersects-with), not \"" + text + "\"");
    }
}
