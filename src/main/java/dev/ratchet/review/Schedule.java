package dev.ratchet.review;

import java.time.LocalDate;
import java.util.List;

/** The reviews held and planned, and when the next one is due at the organisation's interval. */
public record Schedule(int cadenceMonths, LocalDate lastHeld, LocalDate nextDue, boolean overdue, boolean nextPlanned,
        List<ReviewView> reviews) {
}
