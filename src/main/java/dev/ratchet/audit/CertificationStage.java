package dev.ratchet.audit;

/** The audits of a certification cycle. */
public enum CertificationStage {
    STAGE_1("Stage 1 (documentation review)"),
    STAGE_2("Stage 2 (certification audit)"),
    SURVEILLANCE("Surveillance audit"),
    RECERTIFICATION("Recertification audit");

    private final String label;

    CertificationStage(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
