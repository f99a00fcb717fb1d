package dev.ratchet.action;

public enum ActionStatus {
    OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done"), CANCELLED("Cancelled");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinished() {
        return this == DONE || this == CANCELLED;
    }
}
