package dev.ratchet.improvement;

/** The steps of the workflow, as a page's button or the API's {@code transition}. */
public enum Transition {
    TRIAGE("Triage"),
    REJECT("Reject"),
    CONTAIN("Record the correction"),
    ANALYSE("Record the analysis"),
    PLAN_ACTIONS("Plan actions"),
    IMPLEMENT("Mark implemented"),
    START_EFFECTIVENESS_REVIEW("Start the effectiveness review"),
    REVIEW_EFFECTIVENESS("Record the effectiveness review"),
    CLOSE_WITHOUT_ACTION("Close without corrective action"),
    EVALUATE("Evaluate"),
    CLOSE("Close with the benefit realised"),
    RECORD_ISMS_CHANGE("Record a change to the ISMS"),
    RECORD_RECURRENCE("Link as a recurrence of a closed nonconformity");

    private final String label;

    Transition(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
