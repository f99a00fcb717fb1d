package dev.ratchet.objective;

/** What the yearly review of an objective decided. */
public enum ReviewOutcome {
    KEEP("Keep as it is"),
    CHANGE("Change the objective or its target"),
    RETIRE("Retire it");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
