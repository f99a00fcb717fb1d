package dev.ratchet.organisation;

/** How much an area or process matters to information security: the audit programme plans its frequency from it. */
public enum AreaRisk {
    HIGH("High", 6),
    MEDIUM("Medium", 12),
    LOW("Low", 24);

    private final String label;
    private final int auditIntervalMonths;

    AreaRisk(String label, int auditIntervalMonths) {
        this.label = label;
        this.auditIntervalMonths = auditIntervalMonths;
    }

    public String label() { return label; }

    /** The interval between audits that this risk calls for before earlier findings are taken into account. */
    public int auditIntervalMonths() { return auditIntervalMonths; }
}
