package dev.ratchet.improvement;

public enum Evaluation {
    ACCEPTED("Accepted"), REJECTED("Rejected"), DEFERRED("Deferred");

    private final String label;

    Evaluation(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
