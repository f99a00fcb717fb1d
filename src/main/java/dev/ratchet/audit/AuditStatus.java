package dev.ratchet.audit;

/** PLANNED → IN_PROGRESS → REPORTED → CLOSED, or CANCELLED (with a reason) before it is reported. */
public enum AuditStatus {
    PLANNED("Planned"),
    IN_PROGRESS("In progress"),
    REPORTED("Reported"),
    CLOSED("Closed"),
    CANCELLED("Cancelled");

    private final String label;

    AuditStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }

    public boolean isOpen() { return this == PLANNED || this == IN_PROGRESS; }
}
