package dev.ratchet.improvement;

/** The named method of root cause analysis; free text only explains beside one of them. */
public enum RcaMethod {
    FIVE_WHYS("5 whys"), FISHBONE("Fishbone (Ishikawa)"), FAULT_TREE("Fault tree");

    private final String label;

    RcaMethod(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
