package dev.ratchet.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.action.ActionView;
import io.swagger.v3.oas.annotations.media.Schema;

/** A risk with its assessments, treatment plan, acceptances and the records that concern it. */
@Schema(name = "Risk")
public record RiskView(UUID id, String reference, String title, String threat, String vulnerability, String consequence,
        String assets, UUID areaId, String areaName, UUID ownerId, String ownerName, String category, List<String> requirements,
        String existingControls, int criteriaNumber, boolean criteriaInForce, Rating inherent, Rating current, Level target,
        Treatment treatment, RiskStatus status, LocalDate assessedOn, LocalDate nextAssessmentDue, boolean assessmentOverdue,
        @Schema(description = "Who may accept the current level under the risk's criteria") AcceptedBy acceptableBy,
        @Schema(description = "The acceptance in force, if any") Acceptance acceptance, List<Acceptance> acceptances,
        List<Assessment> assessments, List<TreatmentAction> treatmentPlan, List<Concern> concerns, String closedReason,
        Instant createdAt, long version) {

    /** A level: its index among the criteria's levels (0 = lowest) and its name. */
    @Schema(name = "RiskLevelRef")
    public record Level(int index, String name) {
    }

    /** A likelihood and an impact (counted from 1) and the level the matrix gives them. */
    @Schema(name = "RiskRating")
    public record Rating(int likelihood, String likelihoodName, int impact, String impactName, Level level) {
    }

    @Schema(name = "RiskAssessment")
    public record Assessment(UUID id, LocalDate assessedOn, Instant assessedAt, UUID assessedBy, String assessedByName,
            AssessmentReason reason, int criteriaNumber, Rating inherent, Rating current, Level target, String note,
            UUID basisActionId) {
    }

    @Schema(name = "RiskAcceptance")
    public record Acceptance(UUID id, UUID acceptedBy, String acceptedByName, AcceptedBy acceptedAs, Instant acceptedAt,
            String rationale, LocalDate expiresOn, String levelName, Treatment treatment, AcceptanceStatus status, Instant endedAt,
            String endReason) {
    }

    /** A treatment action with the controls it implements, and (where it came from a corrective action) its effectiveness. */
    @Schema(name = "RiskTreatmentAction")
    public record TreatmentAction(ActionView action, List<String> controls) {
    }

    @Schema(name = "RiskConcern")
    public record Concern(UUID id, String recordType, UUID recordId, String recordReference, String recordTitle, String path,
            @Schema(description = "For a nonconformity: its status and the result of its corrective action's last effectiveness review")
            String outcome, Instant requestedAt, String requestedByName, UUID actionId, boolean reassessed) {
    }

    public boolean openTreatment() {
        return treatmentPlan.stream().anyMatch(t -> !t.action().status().isFinished());
    }
}
