package dev.ratchet.audit.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.audit.AreaFrequency;
import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.AuditReports;
import dev.ratchet.audit.AuditStatus;
import dev.ratchet.audit.AuditSummary;
import dev.ratchet.audit.AuditType;
import dev.ratchet.audit.AuditView;
import dev.ratchet.audit.Coverage;
import dev.ratchet.audit.FindingForm;
import dev.ratchet.audit.LineForm;
import dev.ratchet.audit.StepForm;
import dev.ratchet.audit.TeamMemberForm;
import dev.ratchet.document.Downloads;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/audits")
@Tag(name = "Audits", description = "Internal, certification and client audits: team, checklist, findings, reports, coverage")
class AuditApi {

    private final AuditManagement audits;
    private final AuditReports reports;

    AuditApi(AuditManagement audits, AuditReports reports) {
        this.audits = audits;
        this.reports = reports;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Audits, filtered and paged in the database, in order of their planned start")
    Paged<AuditSummary> listAudits(@PathVariable UUID organisationId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) AuditType type, @RequestParam(required = false) AuditStatus status,
            @RequestParam(required = false) UUID areaId, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(audits.search(CurrentTenant.require().organisationId(), year, type, status, areaId,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by("plannedStart", "reference"))));
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan an audit; its checklist is made from the requirements in scope")
    AuditView planAudit(@PathVariable UUID organisationId, @Valid @RequestBody AuditForm form) {
        return audits.plan(CurrentTenant.require(), form);
    }

    @GetMapping("/{auditId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An audit with its team, checklist lines and findings")
    AuditView getAudit(@PathVariable UUID organisationId, @PathVariable UUID auditId) {
        return audits.get(CurrentTenant.require().organisationId(), auditId);
    }

    @PutMapping("/{auditId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Change the plan of an audit that is planned or in progress")
    AuditView updateAudit(@PathVariable UUID organisationId, @PathVariable UUID auditId, @Valid @RequestBody AuditForm form) {
        return audits.replan(CurrentTenant.require(), auditId, form);
    }

    @PostMapping("/{auditId}/team")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an auditor: a member (independence is checked) or a named external auditor")
    AuditView addAuditTeamMember(@PathVariable UUID organisationId, @PathVariable UUID auditId, @Valid @RequestBody TeamMemberForm form) {
        return audits.addTeamMember(CurrentTenant.require(), auditId, form);
    }

    @DeleteMapping("/{auditId}/team/{teamMemberId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Take an auditor off the team")
    AuditView removeAuditTeamMember(@PathVariable UUID organisationId, @PathVariable UUID auditId,
            @PathVariable UUID teamMemberId, @RequestParam(required = false) Long version) {
        return audits.removeTeamMember(CurrentTenant.require(), auditId, teamMemberId, version);
    }

    @PostMapping("/{auditId}/start")
    @PreAuthorize(Access.AUDIT)
    @Operation(summary = "Start the audit (a client audit needs its contract or NDA reference)")
    AuditView startAudit(@PathVariable UUID organisationId, @PathVariable UUID auditId, @RequestBody StepForm form) {
        return audits.start(CurrentTenant.require(), auditId, form.getVersion());
    }

    @PutMapping("/{auditId}/lines/{lineId}")
    @PreAuthorize(Access.AUDIT)
    @Operation(summary = "Record the result, notes and evidence seen for one checklist line")
    AuditView recordAuditLine(@PathVariable UUID organisationId, @PathVariable UUID auditId, @PathVariable UUID lineId,
            @Valid @RequestBody LineForm form) {
        return audits.recordLine(CurrentTenant.require(), auditId, lineId, form);
    }

    @PostMapping("/{auditId}/lines/{lineId}/finding")
    @PreAuthorize(Access.AUDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise the improvement record of a nonconformity or opportunity line, linked both ways")
    AuditView raiseFinding(@PathVariable UUID organisationId, @PathVariable UUID auditId, @PathVariable UUID lineId,
            @Valid @RequestBody FindingForm form) {
        return audits.raiseFinding(CurrentTenant.require(), auditId, lineId, form);
    }

    @PostMapping("/{auditId}/report")
    @PreAuthorize(Access.AUDIT)
    @Operation(summary = "Report the audit with its conclusion: refused while a line has no result or a nonconformity no improvement record")
    AuditView reportAudit(@PathVariable UUID organisationId, @PathVariable UUID auditId, @Valid @RequestBody StepForm form) {
        return audits.report(CurrentTenant.require(), auditId, form.getText(), form.getVersion());
    }

    @PostMapping("/{auditId}/close")
    @PreAuthorize(Access.AUDIT)
    @Operation(summary = "Close a reported audit")
    AuditView closeAudit(@PathVariable UUID organisationId, @PathVariable UUID auditId, @RequestBody StepForm form) {
        return audits.close(CurrentTenant.require(), auditId, form.getVersion());
    }

    @PostMapping("/{auditId}/cancellation")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Cancel a planned audit or one in progress, with the reason")
    AuditView cancelAudit(@PathVariable UUID organisationId, @PathVariable UUID auditId, @Valid @RequestBody StepForm form) {
        return audits.cancel(CurrentTenant.require(), auditId, form.getText(), form.getVersion());
    }

    @GetMapping("/{auditId}/report.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The audit report as PDF")
    ResponseEntity<byte[]> downloadAuditReportPdf(@PathVariable UUID organisationId, @PathVariable UUID auditId) {
        AuditReports.Report report = reports.report(CurrentTenant.require().organisationId(), auditId);
        return Downloads.pdf(report.fileName(), reports.pdf(CurrentTenant.require().organisationId(), auditId));
    }

    @GetMapping("/{auditId}/report.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The audit report as DOCX")
    ResponseEntity<byte[]> downloadAuditReportDocx(@PathVariable UUID organisationId, @PathVariable UUID auditId) {
        AuditReports.Report report = reports.report(CurrentTenant.require().organisationId(), auditId);
        return Downloads.docx(report.fileName(), reports.docx(CurrentTenant.require().organisationId(), auditId));
    }

    @GetMapping("/coverage")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The catalogue against the audits of the three years ending with the given year")
    Coverage getAuditCoverage(@PathVariable UUID organisationId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String framework) {
        UUID org = CurrentTenant.require().organisationId();
        return audits.coverage(org, framework, year == null ? audits.today(org).getYear() : year);
    }

    @GetMapping("/frequencies")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The proposed audit frequency per area, from its risk and earlier findings")
    List<AreaFrequency> listAuditFrequencies(@PathVariable UUID organisationId) {
        return audits.frequencies(CurrentTenant.require().organisationId());
    }

    @PostMapping("/{auditId}/lines/{lineId}/evidence")
    @PreAuthorize(Access.AUDIT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file to a checklist line (multipart part \"file\"); it is kept with its SHA-256")
    dev.ratchet.evidence.EvidenceView attachAuditEvidence(@PathVariable UUID organisationId, @PathVariable UUID auditId, @PathVariable UUID lineId,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate evidenceDate, @RequestParam(required = false) String description) throws java.io.IOException {
        return audits.attach(CurrentTenant.require(), auditId, lineId, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, evidenceDate, description));
    }
}
