package dev.ratchet.obligation;

/** Where an obligation comes from. */
public enum ObligationType {
    LEGAL("Law"), REGULATORY("Regulation"), CONTRACTUAL("Contract"), STANDARD("Standard or code of practice");

    private final String label;

    ObligationType(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
