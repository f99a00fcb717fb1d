package dev.ratchet.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A new risk: what it is, and its first assessment. */
@Schema(name = "NewRiskForm")
public class NewRiskForm extends RiskForm {

    @Valid
    @NotNull(message = "Assess the risk")
    private AssessmentForm assessment = new AssessmentForm();

    public NewRiskForm() {
        assessment.setReason(AssessmentReason.INITIAL);
    }

    public AssessmentForm getAssessment() { return assessment; }
    public void setAssessment(AssessmentForm assessment) { this.assessment = assessment; }
}
