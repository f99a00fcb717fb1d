package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The register as the dashboard shows it, counted in the database: open nonconformities by source, grade and age,
 * the time to close by month, corrective-action effectiveness and recurrence over the last twelve months.
 */
public record ImprovementDashboard(long openNonconformities, long overdueNonconformities, long openOpportunities,
        Map<Source, Long> openBySource, Map<Grade, Long> openByGrade, long openUngraded, List<AgeBucket> ageing,
        List<Month> closing, long effectivenessReviews, long effectiveFirstTime, long recurrences) {

    /** Open nonconformities raised between two dates (inclusive), for the register's raised-from/to filter. */
    public record AgeBucket(String label, long count, LocalDate raisedFrom, LocalDate raisedTo) {
    }

    /** Records closed in a month ("2026-10") and their mean days from raised to closed. */
    public record Month(String month, long closed, Double meanDaysToClose) {
    }

    public Integer effectivenessRate() {
        return effectivenessReviews == 0 ? null : (int) Math.round(100.0 * effectiveFirstTime / effectivenessReviews);
    }
}
