package dev.ratchet.improvement;

/** Where an improvement record came from: the sources the Continual Improvement Policy names. */
public enum Source {
    INTERNAL_AUDIT("Internal audit", "/audits/"),
    CERTIFICATION_AUDIT("Certification audit", "/audits/"),
    CLIENT_AUDIT("Client or third-party audit", "/audits/"),
    INCIDENT("Information security incident", "/incidents/"),
    CHANGE("ISMS change", "/changes/"),
    OBJECTIVE_REVIEW("Review of objectives", "/objectives/"),
    LEGAL_CHANGE("Legal, regulatory or standards change", "/obligations/"),
    MANAGEMENT_REVIEW("Management review"),
    FEEDBACK("Feedback", "/feedback/"),
    POLICY_COMPLIANCE("Policy compliance", "/policies/"),
    OTHER("Other");

    private final String label;
    private final String path;

    Source(String label) {
        this(label, null);
    }

    Source(String label, String path) {
        this.label = label;
        this.path = path;
    }

    /** The page of a source record with this id, or null where Ratchet does not hold such records yet. */
    public String pathOf(java.util.UUID id) {
        return path == null || id == null ? null : path + id;
    }

    public String label() { return label; }
}
