package dev.ratchet.feedback;

public enum FeedbackKind {
    CONCERN("Concern"), IDEA("Idea"), COMPLAINT("Complaint"), COMPLIMENT("Compliment");

    private final String label;

    FeedbackKind(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
