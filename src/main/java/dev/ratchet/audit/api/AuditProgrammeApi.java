package dev.ratchet.audit.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.ProgrammeView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/audit-programmes")
@Tag(name = "Audit programmes", description = "The yearly audit programme: its basis, audits and approval")
class AuditProgrammeApi {

    private final AuditManagement audits;

    private final dev.ratchet.audit.AuditProgrammeDocuments documents;

    AuditProgrammeApi(AuditManagement audits, dev.ratchet.audit.AuditProgrammeDocuments documents) {
        this.audits = audits;
        this.documents = documents;
    }

    @GetMapping("/{year}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The year's programme as PDF: basis, frequencies per area, each audit's scope, team and status, revisions, coverage")
    org.springframework.http.ResponseEntity<byte[]> downloadAuditProgrammePdf(@PathVariable UUID organisationId, @PathVariable int year) {
        return dev.ratchet.document.Downloads.pdf(dev.ratchet.audit.AuditProgrammeDocuments.fileName(year),
                documents.pdf(CurrentTenant.require().organisationId(), year));
    }

    @GetMapping("/{year}/document.docx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The year's programme as DOCX, the same content as the PDF")
    org.springframework.http.ResponseEntity<byte[]> downloadAuditProgrammeDocx(@PathVariable UUID organisationId, @PathVariable int year) {
        return dev.ratchet.document.Downloads.docx(dev.ratchet.audit.AuditProgrammeDocuments.fileName(year),
                documents.docx(CurrentTenant.require().organisationId(), year));
    }

    @GetMapping("/{year}/document.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The year's programme as XLSX: a summary sheet and one sheet per table")
    org.springframework.http.ResponseEntity<byte[]> downloadAuditProgrammeXlsx(@PathVariable UUID organisationId, @PathVariable int year) {
        return dev.ratchet.document.Downloads.xlsx(dev.ratchet.audit.AuditProgrammeDocuments.fileName(year),
                documents.xlsx(CurrentTenant.require().organisationId(), year));
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The years that have a programme, latest first")
    List<Integer> listAuditProgrammeYears(@PathVariable UUID organisationId) {
        return audits.programmeYears(CurrentTenant.require().organisationId());
    }

    @GetMapping("/{year}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A year's programme with its audits and approval")
    ProgrammeView getAuditProgramme(@PathVariable UUID organisationId, @PathVariable int year) {
        return audits.programme(CurrentTenant.require().organisationId(), year);
    }

    record BasisBody(@Size(max = 8000, message = "The basis can have at most 8000 characters") String basis, Long version) {
    }

    @PutMapping("/{year}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Write the programme's basis; a change after approval opens a new revision")
    ProgrammeView updateAuditProgramme(@PathVariable UUID organisationId, @PathVariable int year, @Valid @RequestBody BasisBody body) {
        return audits.describeProgramme(CurrentTenant.require(), year, body.basis(), body.version());
    }

    record ApprovalBody(@Size(max = 2000, message = "The note can have at most 2000 characters") String note, Long version) {
    }

    @PostMapping("/{year}/approval")
    @PreAuthorize(Access.APPROVE)
    @Operation(summary = "Top management approves the programme's current revision")
    ProgrammeView approveAuditProgramme(@PathVariable UUID organisationId, @PathVariable int year, @Valid @RequestBody ApprovalBody body) {
        return audits.approveProgramme(CurrentTenant.require(), year, body.note(), body.version());
    }
}
