package dev.ratchet.objective;

/** How often an objective is measured. */
public enum Frequency {
    MONTHLY("Monthly", 1),
    QUARTERLY("Quarterly", 3),
    HALF_YEARLY("Every six months", 6),
    YEARLY("Yearly", 12);

    private final String label;
    private final int months;

    Frequency(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() { return label; }

    public int months() { return months; }
}
