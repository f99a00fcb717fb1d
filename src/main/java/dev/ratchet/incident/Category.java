package dev.ratchet.incident;

/** What kind of incident it was. */
public enum Category {
    MALWARE("Malware"),
    PHISHING("Phishing or social engineering"),
    UNAUTHORISED_ACCESS("Unauthorised access"),
    DATA_LEAK("Data leak or disclosure"),
    LOSS_OR_THEFT("Loss or theft of equipment"),
    AVAILABILITY("Outage or loss of availability"),
    MISCONFIGURATION("Misconfiguration"),
    SUPPLIER("Supplier incident"),
    POLICY_BREACH("Policy breach"),
    OTHER("Other");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
