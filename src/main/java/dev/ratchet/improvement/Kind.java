package dev.ratchet.improvement;

public enum Kind {
    NONCONFORMITY("Nonconformity", "NC"), OPPORTUNITY("Opportunity for improvement", "OFI");

    private final String label;
    private final String prefix;

    Kind(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    public String label() { return label; }
    public String prefix() { return prefix; }
}
