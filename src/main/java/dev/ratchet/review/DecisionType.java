package dev.ratchet.review;

/** The kinds of result clause 9.3.3 names. */
public enum DecisionType {
    IMPROVEMENT_OPPORTUNITY("Opportunity for improvement"),
    ISMS_CHANGE("Change to the ISMS"),
    RESOURCE_NEED("Resource need"),
    OBJECTIVE_CHANGE("Change to an objective"),
    POLICY_CHANGE("Policy change"),
    OTHER("Other");

    private final String label;

    DecisionType(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
