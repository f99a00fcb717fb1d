package dev.ratchet.feedback;

/** Who gave the feedback: a member of the organisation, or an interested party. */
public enum PartyType {
    MEMBER("Member of the organisation"), CUSTOMER("Customer"), REGULATOR("Regulator"), SUPPLIER("Supplier"),
    PARTNER("Partner"), CERTIFICATION_BODY("Certification body"), OTHER("Other interested party");

    private final String label;

    PartyType(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
