package dev.ratchet.risk;

/** A version of the risk criteria: a draft to change, approved and locked (in force), or superseded by a later one. */
public enum CriteriaStatus {
    DRAFT("Draft"),
    APPROVED("Approved"),
    SUPERSEDED("Superseded");

    private final String label;

    CriteriaStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
