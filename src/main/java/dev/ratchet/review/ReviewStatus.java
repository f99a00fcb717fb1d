package dev.ratchet.review;

/** PLANNED (the pack is live) → IN_MEETING (the pack is frozen) → APPROVED by the chair (locked). */
public enum ReviewStatus {
    PLANNED("Planned"), IN_MEETING("Meeting started: pack frozen"), APPROVED("Minutes approved");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
