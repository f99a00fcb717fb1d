package dev.ratchet.soa;

/** An approved version is in force until a later one is approved; the rows being edited are the draft. */
public enum VersionStatus {
    APPROVED("Approved, in force"),
    SUPERSEDED("Superseded");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
