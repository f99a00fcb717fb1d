package dev.ratchet.objective;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An objective as a row of the register, with its latest value and whether it meets the target. */
public record ObjectiveSummary(UUID id, String reference, String title, String measure, String targetText,
        Frequency frequency, String ownerName, String status, LocalDate latestOn, BigDecimal latestValue,
        Boolean onTarget, int periodsOffTarget) {
}
