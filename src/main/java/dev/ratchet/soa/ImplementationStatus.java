package dev.ratchet.soa;

/** How far a control is implemented. */
public enum ImplementationStatus {
    NOT_STARTED("Not started"),
    PLANNED("Planned"),
    PARTIAL("Partially implemented"),
    IMPLEMENTED("Implemented");

    private final String label;

    ImplementationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
