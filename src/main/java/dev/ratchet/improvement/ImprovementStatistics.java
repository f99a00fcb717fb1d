package dev.ratchet.improvement;

import java.util.List;
import java.util.Map;

/**
 * The improvement register over a period, as management reviews it (clause 9.3.2 d 1 and g): what was raised by
 * source and grade, what is open, how fast records close, whether corrective actions worked first time, recurrences.
 * Nonconformities and opportunities are counted apart everywhere: an opportunity is never a nonconformity's figure.
 */
public record ImprovementStatistics(long nonconformitiesRaised, long opportunitiesRaised, Map<String, Long> nonconformitiesBySource,
        Map<String, Long> opportunitiesBySource, Map<String, Long> nonconformitiesByGrade, long openNonconformities,
        long overdueNonconformities, long nonconformitiesClosed, long opportunitiesClosed, Double meanDaysToClose,
        long effectivenessReviews, long effectiveFirstTime, long recurrences, List<ImprovementView.Link> openOpportunities,
        List<Month> byMonth) {

    /** Nonconformities raised and closed in one month of the period ("2026-10"), for the trend. */
    public record Month(String month, long raised, long closed) {
    }

    /** The share of corrective actions judged effective at their first review, in per cent, or null without reviews. */
    public Integer effectivenessRate() {
        return effectivenessReviews == 0 ? null : (int) Math.round(100.0 * effectiveFirstTime / effectivenessReviews);
    }
}
