package dev.ratchet.risk;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of the risk register, with what its export carries. */
@Schema(name = "RiskSummary")
public record RiskSummary(UUID id, String reference, String title, String threat, String vulnerability, String consequence,
        String assets, UUID ownerId, String ownerName, String category, String existingControls, RiskView.Rating inherent,
        RiskView.Rating current, RiskView.Level target, Treatment treatment, RiskStatus status, LocalDate assessedOn,
        LocalDate nextAssessmentDue, boolean assessmentOverdue, int criteriaNumber, String requirements) {
}
