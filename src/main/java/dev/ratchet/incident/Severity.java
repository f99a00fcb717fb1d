package dev.ratchet.incident;

/** How bad it was for the organisation. */
public enum Severity {
    LOW("Low"), MEDIUM("Medium"), HIGH("High"), CRITICAL("Critical");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
