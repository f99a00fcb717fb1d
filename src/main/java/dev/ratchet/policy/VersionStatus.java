package dev.ratchet.policy;

/** DRAFT → IN_REVIEW → APPROVED (locked) → SUPERSEDED when a later version is approved. */
public enum VersionStatus {
    DRAFT("Draft"), IN_REVIEW("In review"), APPROVED("Approved"), SUPERSEDED("Superseded");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
