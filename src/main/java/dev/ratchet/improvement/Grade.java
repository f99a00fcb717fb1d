package dev.ratchet.improvement;

public enum Grade {
    MAJOR("Major"), MINOR("Minor");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
