package dev.ratchet.identity;

/** A person's roles are held per organisation: the same person may be ADMIN in one and GUEST_AUDITOR in another. */
public enum Role {
    ADMIN("Administrator", "manages people, roles and the organisation"),
    ISMS_MANAGER("ISMS manager", "runs the improvement loop and configures the ISMS"),
    AUDITOR("Internal auditor", "plans and performs internal audits"),
    CONTRIBUTOR("Contributor", "reports issues and owns actions"),
    MANAGEMENT("Management", "sits on the management review team"),
    GUEST_AUDITOR("Guest auditor", "reads the evidence until access expires, changes nothing");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
