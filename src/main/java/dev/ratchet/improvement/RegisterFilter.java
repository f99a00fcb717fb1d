package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The register's filters; every one is applied in the database. Blank means "any". {@code ungraded} keeps the
 * records that have no grade yet (nonconformities not triaged, and opportunities).
 */
public record RegisterFilter(Kind kind, Status status, Grade grade, Source source, String requirement, UUID areaId,
        UUID ownerId, Boolean overdue, Boolean open, LocalDate raisedFrom, LocalDate raisedTo, String text, Boolean ungraded) {

    public RegisterFilter(Kind kind, Status status, Grade grade, Source source, String requirement, UUID areaId,
            UUID ownerId, Boolean overdue, Boolean open, LocalDate raisedFrom, LocalDate raisedTo, String text) {
        this(kind, status, grade, source, requirement, areaId, ownerId, overdue, open, raisedFrom, raisedTo, text, null);
    }

    /** The grade as the register's form and links carry it: a grade's name, UNGRADED, or nothing. */
    public String gradeParameter() {
        return Boolean.TRUE.equals(ungraded) ? UNGRADED : grade == null ? null : grade.name();
    }

    public static final String UNGRADED = "UNGRADED";

    public static RegisterFilter none() {
        return new RegisterFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
