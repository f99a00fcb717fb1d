package dev.ratchet.risk;

/** Why a risk was (re-)assessed. */
public enum AssessmentReason {
    INITIAL("First assessment"),
    SCHEDULED("Scheduled re-assessment"),
    INCIDENT("Incident"),
    NONCONFORMITY("Nonconformity"),
    CHANGE("Change to the ISMS or the business"),
    LEGAL_CHANGE("Legal, regulatory or contractual change"),
    AUDIT_FINDING("Audit finding"),
    MANAGEMENT_REVIEW("Management review"),
    TREATMENT("Treatment implemented");

    private final String label;

    AssessmentReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
