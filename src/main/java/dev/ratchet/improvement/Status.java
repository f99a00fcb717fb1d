package dev.ratchet.improvement;

public enum Status {
    REPORTED("Reported"),
    REJECTED("Rejected"),
    CONTAINED("Contained"),
    ANALYSED("Analysed"),
    EVALUATED("Evaluated"),
    ACTIONS_PLANNED("Actions planned"),
    IMPLEMENTED("Implemented"),
    EFFECTIVENESS_REVIEW("Effectiveness review"),
    CLOSED("Closed");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() { return label; }

    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }
}
