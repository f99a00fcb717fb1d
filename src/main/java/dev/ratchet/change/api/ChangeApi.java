package dev.ratchet.change.api;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.change.ChangeFilter;
import dev.ratchet.change.ChangeForm;
import dev.ratchet.change.ChangeManagement;
import dev.ratchet.change.ChangeStatus;
import dev.ratchet.change.ChangeStep;
import dev.ratchet.change.ChangeSummary;
import dev.ratchet.change.ChangeView;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.ratchet.tabular.ImportFile;
import dev.ratchet.tabular.Imports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/changes")
@Tag(name = "ISMS changes", description = "The change log of clause 6.3: plan, approve, implement, review")
class ChangeApi {

    private final ChangeManagement changes;
    private final Imports imports;

    ChangeApi(ChangeManagement changes, Imports imports) {
        this.changes = changes;
        this.imports = imports;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The change log, latest planned first, filtered and paged in the database")
    Paged<ChangeSummary> listChanges(@PathVariable UUID organisationId, @RequestParam(required = false) ChangeStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedTo,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(changes.search(CurrentTenant.require().organisationId(), new ChangeFilter(status, plannedFrom, plannedTo, q),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by(Sort.Direction.DESC, "plannedDate", "reference"))));
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a change; causeReference links the improvement record it comes from")
    ChangeView recordChange(@PathVariable UUID organisationId, @Valid @RequestBody ChangeForm form) {
        return changes.record(CurrentTenant.require(), form);
    }

    @GetMapping("/{changeId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "A change with its approval, implementation, review and links")
    ChangeView getChange(@PathVariable UUID organisationId, @PathVariable UUID changeId) {
        return changes.get(CurrentTenant.require().organisationId(), changeId);
    }

    @PutMapping("/{changeId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Change the plan (an approved change goes back for approval)")
    ChangeView updateChange(@PathVariable UUID organisationId, @PathVariable UUID changeId, @Valid @RequestBody ChangeForm form) {
        return changes.update(CurrentTenant.require(), changeId, form);
    }

    @PostMapping("/{changeId}/steps")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "APPROVE or REJECT (the named approver, or top management), IMPLEMENT or REVIEW (the ISMS manager)")
    ChangeView recordChangeStep(@PathVariable UUID organisationId, @PathVariable UUID changeId, @Valid @RequestBody ChangeStep step) {
        return changes.step(CurrentTenant.require(), changeId, step);
    }

    @PostMapping("/{changeId}/improvements")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a nonconformity or opportunity from the change, linked to it")
    ImprovementView raiseFromChange(@PathVariable UUID organisationId, @PathVariable UUID changeId, @Valid @RequestBody RaiseForm form) {
        return changes.raise(CurrentTenant.require(), changeId, form);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"})
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import changes from CSV: all rows or none; dryRun=true writes nothing; problems by row and column (422)")
    ResponseEntity<Imports.Outcome> importChanges(@PathVariable UUID organisationId, ImportFile body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), changes, body.content(), dryRun);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The ISMS change log (6.3) as CSV (UTF-8)")
    void exportChangeLogCsv(@PathVariable UUID organisationId, @RequestParam(required = false) dev.ratchet.change.ChangeStatus status, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        UUID orgId = CurrentTenant.require().organisationId();
        dev.ratchet.tabular.TableExport.respond(request, response, "isms-change-log", "ISMS change log", dev.ratchet.change.ChangeLog.COLUMNS,
                dev.ratchet.tabular.TableExport.allPages(page -> changes.search(orgId, new dev.ratchet.change.ChangeFilter(status, null, null, null), page),
                        org.springframework.data.domain.Sort.by("plannedDate", "reference")));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The ISMS change log (6.3) as XLSX")
    void exportChangeLogXlsx(@PathVariable UUID organisationId, @RequestParam(required = false) dev.ratchet.change.ChangeStatus status, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportChangeLogCsv(organisationId, status, request, response);
    }
}
