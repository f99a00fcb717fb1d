package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.UUID;

/** The register's filters; every one is applied in the database. Blank means "any". */
public record RegisterFilter(Kind kind, Status status, Grade grade, Source source, String requirement, UUID areaId,
        UUID ownerId, Boolean overdue, Boolean open, LocalDate raisedFrom, LocalDate raisedTo, String text) {

    public static RegisterFilter none() {
        return new RegisterFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
