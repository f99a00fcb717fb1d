package dev.ratchet.risk.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.risk.RiskCriteriaForm;
import dev.ratchet.risk.RiskCriteriaManagement;
import dev.ratchet.risk.RiskCriteriaView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/risk-criteria")
@Tag(name = "Risk criteria", description = "Likelihood and impact scales, the risk matrix, the acceptance criteria and the "
        + "re-assessment cadence, versioned: the ISMS manager edits a draft, top management approves it")
class RiskCriteriaApi {

    private final RiskCriteriaManagement criteria;

    RiskCriteriaApi(RiskCriteriaManagement criteria) {
        this.criteria = criteria;
    }

    @Schema(name = "RiskCriteriaApproval")
    record Approval(@Schema(description = "The draft's version; 0 to approve Ratchet's defaults before any draft is saved") Long version,
            String note) {
    }

    @GetMapping
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Every version of the risk criteria, newest first")
    List<RiskCriteriaView> listRiskCriteria(@PathVariable UUID organisationId) {
        return criteria.versions(CurrentTenant.require().organisationId());
    }

    @GetMapping("/in-force")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The approved version in force (404 when none is approved yet)")
    RiskCriteriaView riskCriteriaInForce(@PathVariable UUID organisationId) {
        return criteria.inForce(CurrentTenant.require().organisationId()).orElseThrow(() -> Refused.notFound("Approved risk criteria"));
    }

    @GetMapping("/draft")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The draft: the stored one, or Ratchet's defaults (no id) before any criteria were saved; 404 when there is none")
    RiskCriteriaView riskCriteriaDraft(@PathVariable UUID organisationId) {
        return criteria.draft(CurrentTenant.require().organisationId()).orElseThrow(() -> Refused.notFound("Draft of the risk criteria"));
    }

    @PutMapping("/draft")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Save the draft (version: the draft's version; empty when none is stored yet)")
    RiskCriteriaView saveRiskCriteriaDraft(@PathVariable UUID organisationId, @Valid @RequestBody RiskCriteriaForm form) {
        return criteria.saveDraft(CurrentTenant.require(), form);
    }

    @PostMapping("/draft")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a new draft as a copy of the version in force")
    RiskCriteriaView startRiskCriteriaVersion(@PathVariable UUID organisationId) {
        return criteria.newVersion(CurrentTenant.require());
    }

    @PostMapping("/draft/approval")
    @PreAuthorize(Access.APPROVE)
    @Operation(summary = "Top management approves the draft: it is locked and in force, the previous version is superseded")
    RiskCriteriaView approveRiskCriteria(@PathVariable UUID organisationId, @RequestBody Approval body) {
        return criteria.approve(CurrentTenant.require(), body.version(), body.note());
    }

    @GetMapping("/{criteriaId}")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "One version of the risk criteria")
    RiskCriteriaView getRiskCriteria(@PathVariable UUID organisationId, @PathVariable UUID criteriaId) {
        return criteria.get(CurrentTenant.require().organisationId(), criteriaId);
    }
}
