package dev.ratchet.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ratchet.improvement.ImprovementView;

/** An objective with its measurements, reviews and the improvement records raised from it. */
public record ObjectiveView(UUID id, String reference, String title, String measure, String unit, BigDecimal target,
        Direction direction, Frequency frequency, UUID ownerId, String ownerName, String dataSource, String status,
        Instant createdAt, List<MeasurementView> measurements, List<ReviewView> reviews,
        List<ImprovementView.Link> raised, Boolean onTarget, int periodsOffTarget, boolean suggestOpportunity,
        LocalDate nextMeasurementDue, LocalDate reviewDue, long version) {

    public record MeasurementView(UUID id, LocalDate measuredOn, BigDecimal value, String comment, String origin,
            String enteredByName, boolean onTarget) {
    }

    public record ReviewView(LocalDate reviewedOn, String reviewerName, ReviewOutcome outcome, String conclusion) {
    }

    public MeasurementView latest() {
        return measurements.isEmpty() ? null : measurements.get(measurements.size() - 1);
    }

    public List<MeasurementView> latestFirst() {
        List<MeasurementView> list = new java.util.ArrayList<>(measurements);
        java.util.Collections.reverse(list);
        return list;
    }

    public String targetText() {
        return direction.label() + " " + target.stripTrailingZeros().toPlainString() + (unit == null ? "" : " " + unit);
    }

    /** The chart's data, read by charts.js from data attributes (no inline script under the CSP). */
    public String chartLabels() {
        return measurements.stream().map(m -> "\"" + m.measuredOn() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    public String chartValues() {
        return measurements.stream().map(m -> m.value().toPlainString()).collect(Collectors.joining(",", "[", "]"));
    }
}
