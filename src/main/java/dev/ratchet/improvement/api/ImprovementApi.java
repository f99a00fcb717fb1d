package dev.ratchet.improvement.api;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementSummary;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RegisterFilter;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Status;
import dev.ratchet.improvement.TransitionRequest;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1/organisations/{organisationId}/improvements")
@Tag(name = "Improvements", description = "Nonconformities and opportunities for improvement, with the clause 10.2 workflow")
class ImprovementApi {

    private final ImprovementManagement improvements;
    private final dev.ratchet.improvement.ImprovementDocuments documents;

    ImprovementApi(ImprovementManagement improvements, dev.ratchet.improvement.ImprovementDocuments documents) {
        this.improvements = improvements;
        this.documents = documents;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The register, filtered and paged in the database; sort by raisedAt, reference, targetDate, status or title")
    Paged<ImprovementSummary> listImprovements(@PathVariable UUID organisationId, @RequestParam(required = false) Kind kind,
            @RequestParam(required = false) Status status, @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) Source source, @RequestParam(required = false) String requirement,
            @RequestParam(required = false) UUID areaId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedTo,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "raisedAt") String sort,
            @RequestParam(defaultValue = "desc") String direction, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size, @RequestParam(required = false) Boolean ungraded) {
        RegisterFilter filter = new RegisterFilter(kind, status, grade, source, requirement, areaId, ownerId, overdue,
                open, raisedFrom, raisedTo, q, ungraded);
        return Paged.of(improvements.search(CurrentTenant.require().organisationId(), filter,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), RegisterSort.of(sort, direction))));
    }

    @GetMapping("/{improvementId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A record with its workflow so far, its actions and effectiveness reviews")
    ImprovementView getImprovement(@PathVariable UUID organisationId, @PathVariable("improvementId") UUID id) {
        return improvements.get(CurrentTenant.require(), id);
    }

    @GetMapping("/{improvementId}/similar")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Existing records probably about the same problem, best first, with how alike (percent)")
    java.util.List<dev.ratchet.improvement.SimilarRecord> listSimilarImprovements(@PathVariable UUID organisationId,
            @PathVariable("improvementId") UUID id) {
        return improvements.similarTo(CurrentTenant.require(), id);
    }

    @GetMapping("/{improvementId}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The record document as PDF: the whole clause 10.2 (or 10.1) story, evidence files with SHA-256, history")
    org.springframework.http.ResponseEntity<byte[]> downloadImprovementPdf(@PathVariable UUID organisationId, @PathVariable("improvementId") UUID id) {
        return documents.pdf(CurrentTenant.require(), id);
    }

    @GetMapping("/{improvementId}/document.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The record document as DOCX, the same content as the PDF")
    org.springframework.http.ResponseEntity<byte[]> downloadImprovementDocx(@PathVariable UUID organisationId, @PathVariable("improvementId") UUID id) {
        return documents.docx(CurrentTenant.require(), id);
    }

    @PostMapping
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reports a nonconformity or an opportunity; it gets the next reference number")
    ImprovementView reportImprovement(@PathVariable UUID organisationId, @Valid @RequestBody ReportForm form) {
        return improvements.report(CurrentTenant.require(), form);
    }

    @PutMapping("/{improvementId}")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Corrects the description (owner or ISMS manager, while open); send the version you read")
    ImprovementView updateImprovement(@PathVariable UUID organisationId, @PathVariable("improvementId") UUID id, @Valid @RequestBody ReportForm form) {
        return improvements.describe(CurrentTenant.require(), id, form);
    }

    @PostMapping("/{improvementId}/transitions")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Takes one workflow step; 409 problem details name what the step is missing")
    ImprovementView transitionImprovement(@PathVariable UUID organisationId, @PathVariable("improvementId") UUID id,
            @RequestBody TransitionRequest request) {
        return improvements.transition(CurrentTenant.require(), id, request);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The incident and corrective action log of the filtered register (10.2 evidence) as CSV (UTF-8)")
    void exportImprovementLogCsv(@PathVariable UUID organisationId, @RequestParam(required = false) Kind kind,
            @RequestParam(required = false) Status status, @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) Source source, @RequestParam(required = false) String requirement,
            @RequestParam(required = false) UUID areaId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedTo,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "raisedAt") String sort,
            @RequestParam(defaultValue = "desc") String direction, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        RegisterFilter filter = new RegisterFilter(kind, status, grade, source, requirement, areaId, ownerId, overdue,
                open, raisedFrom, raisedTo, q, null);
        UUID orgId = CurrentTenant.require().organisationId();
        dev.ratchet.tabular.TableExport.respond(request, response, "improvement-log", "Improvement log",
                dev.ratchet.improvement.ImprovementLog.COLUMNS, into -> improvements.log(orgId, filter, RegisterSort.of(sort, direction), into));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The incident and corrective action log of the filtered register (10.2 evidence) as XLSX")
    void exportImprovementLogXlsx(@PathVariable UUID organisationId, @RequestParam(required = false) Kind kind,
            @RequestParam(required = false) Status status, @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) Source source, @RequestParam(required = false) String requirement,
            @RequestParam(required = false) UUID areaId, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate raisedTo,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "raisedAt") String sort,
            @RequestParam(defaultValue = "desc") String direction, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportImprovementLogCsv(organisationId, kind, status, grade, source, requirement, areaId, ownerId, overdue, open, raisedFrom, raisedTo, q, sort, direction, request, response);
    }

    @PostMapping("/{improvementId}/evidence")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file to the record (multipart part \"file\"); it is kept with its SHA-256")
    dev.ratchet.evidence.EvidenceView attachImprovementEvidence(@PathVariable UUID organisationId, @PathVariable("improvementId") UUID id,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate evidenceDate, @RequestParam(required = false) String description) throws java.io.IOException {
        return improvements.attach(CurrentTenant.require(), id, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, evidenceDate, description));
    }

    @GetMapping("/trends")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Recurring nonconformities by requirement, area and source: the trends that call for a systemic improvement")
    java.util.List<dev.ratchet.improvement.Trend> listTrends(@PathVariable UUID organisationId) {
        return improvements.trends(CurrentTenant.require().organisationId());
    }

    @PostMapping("/trends")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose the systemic opportunity for improvement a trend calls for, linked to its nonconformities")
    ImprovementView proposeSystemicImprovement(@PathVariable UUID organisationId,
            @RequestParam dev.ratchet.improvement.Trend.Dimension dimension, @RequestParam String key) {
        return improvements.proposeSystemicImprovement(CurrentTenant.require(), dimension, key);
    }
}
