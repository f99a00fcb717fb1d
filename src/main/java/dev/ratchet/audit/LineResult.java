package dev.ratchet.audit;

import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.Kind;

/** What the auditor found against one requirement. */
public enum LineResult {
    CONFORMING("Conforming", null, null),
    MAJOR_NONCONFORMITY("Major nonconformity", Kind.NONCONFORMITY, Grade.MAJOR),
    MINOR_NONCONFORMITY("Minor nonconformity", Kind.NONCONFORMITY, Grade.MINOR),
    OBSERVATION("Observation", null, null),
    OPPORTUNITY("Opportunity for improvement", Kind.OPPORTUNITY, null),
    NOT_AUDITED("Not audited", null, null);

    private final String label;
    private final Kind finding;
    private final Grade grade;

    LineResult(String label, Kind finding, Grade grade) {
        this.label = label;
        this.finding = finding;
        this.grade = grade;
    }

    public String label() { return label; }

    /** The kind of improvement record this result raises, or null when it raises none. */
    public Kind finding() { return finding; }

    public Grade grade() { return grade; }

    public boolean isNonconformity() { return finding == Kind.NONCONFORMITY; }

    /** Counts as audited in the coverage of the catalogue. */
    public boolean audited() { return this != NOT_AUDITED; }
}
