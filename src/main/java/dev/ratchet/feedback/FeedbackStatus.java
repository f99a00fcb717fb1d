package dev.ratchet.feedback;

/** NEW until the ISMS manager triages it into an improvement record or closes it with a reply. */
public enum FeedbackStatus {
    NEW("New"), TRIAGED("Raised as an improvement"), CLOSED("Closed with a reply");

    private final String label;

    FeedbackStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
