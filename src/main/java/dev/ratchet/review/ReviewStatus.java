package dev.ratchet.review;

/** PLANNED (the pack is live) → IN_MEETING (the pack is frozen). Minutes and approval come next. */
public enum ReviewStatus {
    PLANNED("Planned"), IN_MEETING("Meeting started: pack frozen");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
