package dev.ratchet.risk;

/** Who may accept a risk at a level (the risk acceptance criteria, 6.1.2 a 1). */
public enum AcceptedBy {
    RISK_OWNER("The risk owner"),
    TOP_MANAGEMENT("Top management"),
    NOBODY("Nobody: it must be treated");

    private final String label;

    AcceptedBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
