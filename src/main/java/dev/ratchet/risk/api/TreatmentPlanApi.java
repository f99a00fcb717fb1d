package dev.ratchet.risk.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.risk.TreatmentPlan;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/risk-treatment-plan")
@Tag(name = "Risk treatment plan", description = "The plan's figures and documents, and top management's approvals with the documents as approved")
class TreatmentPlanApi {

    private final TreatmentPlan plan;

    TreatmentPlanApi(TreatmentPlan plan) {
        this.plan = plan;
    }

    @Schema(name = "RiskTreatmentPlanApprovalForm")
    record ApprovalBody(String note) {
    }

    @GetMapping("/figures")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Treatment actions open, overdue and done; acceptances in force and ending soon")
    TreatmentPlan.Figures riskTreatmentFigures(@PathVariable UUID organisationId) {
        return plan.figures(CurrentTenant.require().organisationId());
    }

    @GetMapping("/document.pdf")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The plan as it stands now, not approved, as PDF")
    ResponseEntity<byte[]> downloadRiskTreatmentPlanPdf(@PathVariable UUID organisationId) {
        return current(dev.ratchet.document.DocumentFormat.PDF);
    }

    @GetMapping("/document.docx")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The plan as it stands now, not approved, as DOCX")
    ResponseEntity<byte[]> downloadRiskTreatmentPlanDocx(@PathVariable UUID organisationId) {
        return current(dev.ratchet.document.DocumentFormat.DOCX);
    }

    @GetMapping("/document.xlsx")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The plan as it stands now, not approved, as XLSX")
    ResponseEntity<byte[]> downloadRiskTreatmentPlanXlsx(@PathVariable UUID organisationId) {
        return current(dev.ratchet.document.DocumentFormat.XLSX);
    }

    private ResponseEntity<byte[]> current(dev.ratchet.document.DocumentFormat format) {
        return format.download("risk-treatment-plan", plan.current(CurrentTenant.require().organisationId(), format));
    }

    @GetMapping("/approvals")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Top management's approvals of the plan, newest first")
    List<TreatmentPlan.Approval> listRiskTreatmentPlanApprovals(@PathVariable UUID organisationId) {
        return plan.approvals(CurrentTenant.require().organisationId());
    }

    @PostMapping("/approvals")
    @PreAuthorize(Access.APPROVE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Approve the plan as it stands: its documents are kept as approved")
    TreatmentPlan.Approval approveRiskTreatmentPlan(@PathVariable UUID organisationId, @RequestBody(required = false) ApprovalBody body) {
        return plan.approve(CurrentTenant.require(), body == null ? null : body.note());
    }

    @GetMapping("/approvals/{approvalId}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The plan as approved, as PDF")
    ResponseEntity<byte[]> downloadApprovedRiskTreatmentPlanPdf(@PathVariable UUID organisationId, @PathVariable UUID approvalId) {
        return approved(approvalId, dev.ratchet.document.DocumentFormat.PDF);
    }

    @GetMapping("/approvals/{approvalId}/document.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The plan as approved, as DOCX")
    ResponseEntity<byte[]> downloadApprovedRiskTreatmentPlanDocx(@PathVariable UUID organisationId, @PathVariable UUID approvalId) {
        return approved(approvalId, dev.ratchet.document.DocumentFormat.DOCX);
    }

    @GetMapping("/approvals/{approvalId}/document.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The plan as approved, as XLSX")
    ResponseEntity<byte[]> downloadApprovedRiskTreatmentPlanXlsx(@PathVariable UUID organisationId, @PathVariable UUID approvalId) {
        return approved(approvalId, dev.ratchet.document.DocumentFormat.XLSX);
    }

    private ResponseEntity<byte[]> approved(UUID approvalId, dev.ratchet.document.DocumentFormat format) {
        UUID org = CurrentTenant.require().organisationId();
        int number = plan.approval(org, approvalId).orElseThrow(() -> Refused.notFound("Approval of the treatment plan")).number();
        return format.download("risk-treatment-plan-approval-" + number,
                plan.approved(org, approvalId, format).orElseThrow(() -> Refused.notFound("Approval of the treatment plan")));
    }
}
