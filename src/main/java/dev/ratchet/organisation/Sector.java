package dev.ratchet.organisation;

/** The kind of organisation, which later shapes defaults and examples. */
public enum Sector {
    SMALL_BUSINESS("Small business"), TECH_STARTUP("Tech startup"), AI_COMPANY("AI company"), OTHER("Other");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
