package dev.ratchet.objective;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One measurement of an objective. */
public class MeasurementForm implements java.io.Serializable {

    @NotNull(message = "Give the date the value was measured (or the end of the period it covers)")
    private LocalDate measuredOn;

    @NotNull(message = "Give the measured value")
    private BigDecimal value;

    @Size(max = 2000, message = "The comment can have at most 2000 characters")
    private String comment;

    public LocalDate getMeasuredOn() { return measuredOn; }
    public void setMeasuredOn(LocalDate measuredOn) { this.measuredOn = measuredOn; }
    public BigDecimal getValue() { return value; }
    public void setValue(BigDecimal value) { this.value = value; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
