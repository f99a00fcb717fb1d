package dev.ratchet.objective;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One measurement as the measurements export lists it: in the columns the measurement import reads. */
public record MeasurementRow(String objective, LocalDate date, BigDecimal value, String comment) {
}
