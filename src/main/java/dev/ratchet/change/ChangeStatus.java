package dev.ratchet.change;

/** PLANNED → APPROVED → IMPLEMENTED → REVIEWED, or REJECTED by the approver. */
public enum ChangeStatus {
    PLANNED("Planned"), APPROVED("Approved"), IMPLEMENTED("Implemented"), REVIEWED("Reviewed"), REJECTED("Rejected");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
