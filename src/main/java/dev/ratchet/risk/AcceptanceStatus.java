package dev.ratchet.risk;

/** An acceptance of residual risk: in force, withdrawn (by a change to the risk or by a person), or expired. */
public enum AcceptanceStatus {
    ACTIVE("In force"),
    WITHDRAWN("Withdrawn"),
    EXPIRED("Expired");

    private final String label;

    AcceptanceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
