package dev.ratchet.bundle;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The period an evidence bundle covers. */
public class BundleForm implements java.io.Serializable {

    @NotNull(message = "Give the first day of the period")
    private LocalDate from;

    @NotNull(message = "Give the last day of the period")
    private LocalDate to;

    /** A framework in scope to build the bundle for (its coverage table and the evidence of it); blank for the whole ISMS. */
    @jakarta.validation.constraints.Size(max = 60, message = "Choose a framework from the list")
    private String framework;

    public String getFramework() { return framework; }
    public void setFramework(String framework) { this.framework = framework; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
