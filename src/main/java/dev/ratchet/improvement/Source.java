package dev.ratchet.improvement;

/** Where an improvement record came from: the sources the Continual Improvement Policy names. */
public enum Source {
    INTERNAL_AUDIT("Internal audit"),
    CERTIFICATION_AUDIT("Certification audit"),
    CLIENT_AUDIT("Client or third-party audit"),
    INCIDENT("Information security incident"),
    CHANGE("ISMS change"),
    OBJECTIVE_REVIEW("Review of objectives"),
    LEGAL_CHANGE("Legal, regulatory or standards change"),
    MANAGEMENT_REVIEW("Management review"),
    FEEDBACK("Feedback"),
    POLICY_COMPLIANCE("Policy compliance"),
    OTHER("Other");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
