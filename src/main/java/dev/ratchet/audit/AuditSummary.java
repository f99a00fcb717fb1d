package dev.ratchet.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An audit as a line of the programme or of a list. */
public record AuditSummary(UUID id, String reference, String title, AuditType type, CertificationStage certificationStage,
        AuditStatus status, LocalDate plannedStart, LocalDate plannedEnd, List<String> areas, String lead,
        long requirements, long nonconformities, long opportunities) {

    /** Whether the planned window touches the month (1–12) of the given year: the programme's timeline. */
    public boolean inMonth(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
        return !plannedStart.isAfter(last) && !plannedEnd.isBefore(first);
    }
}
