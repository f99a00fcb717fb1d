package dev.ratchet.risk;

/** The risk treatment option chosen (6.1.3 a). */
public enum Treatment {
    MODIFY("Modify (apply controls)"),
    RETAIN("Retain (accept)"),
    AVOID("Avoid"),
    SHARE("Share (transfer)");

    private final String label;

    Treatment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
