package dev.ratchet.risk;

/** Where a risk stands: open (being assessed or treated), its residual level accepted, or closed. */
public enum RiskStatus {
    OPEN("Open"),
    ACCEPTED("Accepted"),
    CLOSED("Closed");

    private final String label;

    RiskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
