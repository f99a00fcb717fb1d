package dev.ratchet.soa.api;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.document.DocumentFormat;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.evidence.EvidenceView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Refused;
import dev.ratchet.soa.SoaDiff;
import dev.ratchet.soa.SoaForm;
import dev.ratchet.soa.SoaManagement;
import dev.ratchet.soa.SoaRow;
import dev.ratchet.soa.SoaVersionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/soa")
@Tag(name = "Statement of Applicability", description = "Every control with whether it applies and why, its implementation, owner, "
        + "policies and evidence; approved versions with their documents, and the difference between two")
class SoaApi {

    private final SoaManagement soa;

    SoaApi(SoaManagement soa) {
        this.soa = soa;
    }

    @Schema(name = "SoaApprovalForm")
    record ApprovalBody(String note) {
    }

    @GetMapping
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Every control as it stands, in catalogue order, with the records calling for it and its problems")
    List<SoaRow> listSoaControls(@PathVariable UUID organisationId) {
        return soa.rows(CurrentTenant.require().organisationId());
    }

    @GetMapping("/controls/{reference}")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "One control as it stands")
    SoaRow getSoaControl(@PathVariable UUID organisationId,
            @PathVariable @Parameter(description = "framework:code (iso27001-2022:A.5.1) or a code alone (A.5.1)") String reference) {
        return soa.row(CurrentTenant.require().organisationId(), reference);
    }

    @PutMapping("/controls/{reference}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Decide on a control: applicable or excluded (with its justification), status, implementation, owner, policies")
    SoaRow decideSoaControl(@PathVariable UUID organisationId, @PathVariable String reference, @Valid @RequestBody SoaForm form) {
        return soa.decide(CurrentTenant.require(), reference, form);
    }

    @PostMapping("/controls/{reference}/evidence")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file of evidence to a control (multipart part \"file\"), with its evidence date")
    EvidenceView attachSoaEvidence(@PathVariable UUID organisationId, @PathVariable String reference,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate evidenceDate,
            @RequestParam(required = false) String description) throws IOException {
        return soa.attach(CurrentTenant.require(), reference, EvidenceManagement.Upload.of(file, evidenceDate, description));
    }

    @GetMapping("/document.pdf")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The SoA as it stands, not approved, as PDF")
    ResponseEntity<byte[]> downloadSoaPdf(@PathVariable UUID organisationId) {
        return current(DocumentFormat.PDF);
    }

    @GetMapping("/document.docx")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The SoA as it stands, not approved, as DOCX")
    ResponseEntity<byte[]> downloadSoaDocx(@PathVariable UUID organisationId) {
        return current(DocumentFormat.DOCX);
    }

    @GetMapping("/document.xlsx")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The SoA as it stands, not approved, as XLSX")
    ResponseEntity<byte[]> downloadSoaXlsx(@PathVariable UUID organisationId) {
        return current(DocumentFormat.XLSX);
    }

    private ResponseEntity<byte[]> current(DocumentFormat format) {
        return format.download("statement-of-applicability", soa.currentDocument(CurrentTenant.require().organisationId(), format));
    }

    @GetMapping("/versions")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The approved versions, newest first")
    List<SoaVersionView> listSoaVersions(@PathVariable UUID organisationId) {
        return soa.versions(CurrentTenant.require().organisationId());
    }

    @PostMapping("/versions")
    @PreAuthorize(Access.APPROVE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Top management approves the SoA as it stands (409 while a control is not decided); the previous version is superseded")
    SoaVersionView approveSoa(@PathVariable UUID organisationId, @RequestBody(required = false) ApprovalBody body) {
        return soa.approve(CurrentTenant.require(), body == null ? null : body.note());
    }

    @GetMapping("/versions/{versionId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An approved version")
    SoaVersionView getSoaVersion(@PathVariable UUID organisationId, @PathVariable UUID versionId) {
        return soa.version(CurrentTenant.require().organisationId(), versionId);
    }

    @GetMapping("/versions/{versionId}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An approved version as approved, as PDF")
    ResponseEntity<byte[]> downloadSoaVersionPdf(@PathVariable UUID organisationId, @PathVariable UUID versionId) {
        return approved(versionId, DocumentFormat.PDF);
    }

    @GetMapping("/versions/{versionId}/document.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An approved version as approved, as DOCX")
    ResponseEntity<byte[]> downloadSoaVersionDocx(@PathVariable UUID organisationId, @PathVariable UUID versionId) {
        return approved(versionId, DocumentFormat.DOCX);
    }

    @GetMapping("/versions/{versionId}/document.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An approved version as approved, as XLSX")
    ResponseEntity<byte[]> downloadSoaVersionXlsx(@PathVariable UUID organisationId, @PathVariable UUID versionId) {
        return approved(versionId, DocumentFormat.XLSX);
    }

    private ResponseEntity<byte[]> approved(UUID versionId, DocumentFormat format) {
        UUID org = CurrentTenant.require().organisationId();
        return format.download("statement-of-applicability-v" + soa.version(org, versionId).number(),
                soa.approvedDocument(org, versionId, format).orElseThrow(() -> Refused.notFound("Version of the Statement of Applicability")));
    }

    @GetMapping("/diff")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "What changed from one approved version to another, control by control and field by field")
    SoaDiff diffSoaVersions(@PathVariable UUID organisationId, @RequestParam UUID from, @RequestParam UUID to) {
        return soa.diff(CurrentTenant.require().organisationId(), from, to);
    }
}
