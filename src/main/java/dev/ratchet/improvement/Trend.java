package dev.ratchet.improvement;

import java.util.List;

/**
 * Nonconformities piling up against one requirement or one area within the organisation's window: a sign that
 * the causes are systemic. {@code key} is the requirement reference or the area id; {@code references} are the
 * nonconformities' references where they were asked for (the API, a proposal), empty where only the count is shown.
 */
public record Trend(Dimension dimension, String key, String label, int count, List<String> references, String proposedAs) {

    public enum Dimension { REQUIREMENT, AREA }

    /** The source reference a proposed systemic improvement carries, so that a trend is proposed only once. */
    public String sourceReference() {
        return "Trend " + dimension.name().toLowerCase() + " " + key;
    }
}
