package dev.ratchet.risk;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An assessment of a risk under the criteria in force: likelihood and impact counted from 1 (the lowest point of
 * each scale), without controls (inherent) and with the controls in place now (current), and the level aimed for.
 */
@Schema(name = "RiskAssessmentForm")
public class AssessmentForm implements java.io.Serializable {

    @NotNull(message = "Say why the risk is assessed")
    private AssessmentReason reason = AssessmentReason.SCHEDULED;

    @NotNull(message = "Choose the likelihood without controls")
    private Integer inherentLikelihood;

    @NotNull(message = "Choose the impact without controls")
    private Integer inherentImpact;

    @NotNull(message = "Choose the likelihood with the controls in place now")
    private Integer currentLikelihood;

    @NotNull(message = "Choose the impact with the controls in place now")
    private Integer currentImpact;

    @NotBlank(message = "Choose the level the treatment aims for")
    @Schema(description = "The name of a level of the criteria in force, such as Low")
    private String targetLevel;

    @Size(max = 4000, message = "The note can have at most 4000 characters")
    private String note;

    @Schema(description = "A treatment action of this risk, done, on whose strength the current level is lowered")
    private UUID basisActionId;

    @Schema(description = "The risk's version when re-assessing it; not used when recording a new risk")
    private Long version;

    public AssessmentReason getReason() { return reason; }
    public void setReason(AssessmentReason reason) { this.reason = reason; }
    public Integer getInherentLikelihood() { return inherentLikelihood; }
    public void setInherentLikelihood(Integer inherentLikelihood) { this.inherentLikelihood = inherentLikelihood; }
    public Integer getInherentImpact() { return inherentImpact; }
    public void setInherentImpact(Integer inherentImpact) { this.inherentImpact = inherentImpact; }
    public Integer getCurrentLikelihood() { return currentLikelihood; }
    public void setCurrentLikelihood(Integer currentLikelihood) { this.currentLikelihood = currentLikelihood; }
    public Integer getCurrentImpact() { return currentImpact; }
    public void setCurrentImpact(Integer currentImpact) { this.currentImpact = currentImpact; }
    public String getTargetLevel() { return targetLevel; }
    public void setTargetLevel(String targetLevel) { this.targetLevel = targetLevel; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public UUID getBasisActionId() { return basisActionId; }
    public void setBasisActionId(UUID basisActionId) { this.basisActionId = basisActionId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
