package dev.ratchet.obligation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A change to an obligation: when it takes effect, what changes, and what it means for the ISMS. */
public class AmendmentForm implements java.io.Serializable {

    @NotNull(message = "Give the date the change takes effect")
    private LocalDate effectiveDate;

    @NotBlank(message = "Summarise the change")
    @Size(max = 4000, message = "The summary can have at most 4000 characters")
    private String summary;

    @NotBlank(message = "Assess the impact on the ISMS: controls, policies, contracts, records affected")
    @Size(max = 4000, message = "The impact assessment can have at most 4000 characters")
    private String impactAssessment;

    public LocalDate getEffectiveDate() { return effectiveDate; }
    public void setEffectiveDate(LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getImpactAssessment() { return impactAssessment; }
    public void setImpactAssessment(String impactAssessment) { this.impactAssessment = impactAssessment; }
}
