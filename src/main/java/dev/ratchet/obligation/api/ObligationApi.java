package dev.ratchet.obligation.api;

import java.util.UUID;

import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.obligation.AmendmentForm;
import dev.ratchet.obligation.ObligationForm;
import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.obligation.ObligationReviewForm;
import dev.ratchet.obligation.ObligationSummary;
import dev.ratchet.obligation.ObligationType;
import dev.ratchet.obligation.ObligationView;
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
@RequestMapping("/api/v1/organisations/{organisationId}/obligations")
@Tag(name = "Obligations", description = "Legal, regulatory, contractual and standards obligations, their reviews and changes")
class ObligationApi {

    private final ObligationManagement obligations;
    private final Imports imports;

    ObligationApi(ObligationManagement obligations, Imports imports) {
        this.obligations = obligations;
        this.imports = imports;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Obligations by next review date; reviewDue=true for those due within the reminder lead time or overdue")
    Paged<ObligationSummary> listObligations(@PathVariable UUID organisationId, @RequestParam(required = false) ObligationType type,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) Boolean reviewDue,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(obligations.search(CurrentTenant.require().organisationId(), type, ownerId, reviewDue, q,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by("nextReviewDate", "reference"))));
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an obligation; its owner gets the review as an action")
    ObligationView recordObligation(@PathVariable UUID organisationId, @Valid @RequestBody ObligationForm form) {
        return obligations.record(CurrentTenant.require(), form);
    }

    /** The framework whose obligations to create. */
    record FromFramework(@jakarta.validation.constraints.NotBlank(message = "Name the framework, such as nis2-2022-2555") String framework) {
    }

    @PostMapping("/from-framework")
    @PreAuthorize(Access.CONFIGURE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Create the obligations a framework in scope brings (one per part, linked to its requirements, reviewed in a year); "
            + "parts already in the register by name are left as they are")
    java.util.List<ObligationView> createObligationsFromFramework(@PathVariable UUID organisationId, @Valid @RequestBody FromFramework body) {
        return obligations.fromFramework(CurrentTenant.require(), body.framework());
    }

    @GetMapping("/{obligationId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An obligation with its changes, review reminder and links")
    ObligationView getObligation(@PathVariable UUID organisationId, @PathVariable UUID obligationId) {
        return obligations.get(CurrentTenant.require().organisationId(), obligationId);
    }

    @PutMapping("/{obligationId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Change an obligation")
    ObligationView updateObligation(@PathVariable UUID organisationId, @PathVariable UUID obligationId, @Valid @RequestBody ObligationForm form) {
        return obligations.update(CurrentTenant.require(), obligationId, form);
    }

    @PostMapping("/{obligationId}/reviews")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Record a review (the owner or the ISMS manager); completes the review action and plans the next")
    ObligationView reviewObligation(@PathVariable UUID organisationId, @PathVariable UUID obligationId, @Valid @RequestBody ObligationReviewForm form) {
        return obligations.review(CurrentTenant.require(), obligationId, form);
    }

    @PostMapping("/{obligationId}/changes")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a change to the obligation with its effective date and impact assessment")
    ObligationView recordObligationChange(@PathVariable UUID organisationId, @PathVariable UUID obligationId, @Valid @RequestBody AmendmentForm form) {
        return obligations.amend(CurrentTenant.require(), obligationId, form);
    }

    @PostMapping("/{obligationId}/improvements")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a nonconformity or opportunity from the obligation, linked to it")
    ImprovementView raiseFromObligation(@PathVariable UUID organisationId, @PathVariable UUID obligationId, @Valid @RequestBody RaiseForm form) {
        return obligations.raise(CurrentTenant.require(), obligationId, form);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"})
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import obligations from CSV: all rows or none; dryRun=true writes nothing; problems by row and column (422)")
    ResponseEntity<Imports.Outcome> importObligations(@PathVariable UUID organisationId, ImportFile body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), obligations, body.content(), dryRun);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The obligations register, in the columns the import reads, as CSV (UTF-8)")
    void exportObligationsCsv(@PathVariable UUID organisationId, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        UUID orgId = CurrentTenant.require().organisationId();
        dev.ratchet.tabular.TableExport.respond(request, response, "obligations", "Obligations", dev.ratchet.obligation.ObligationColumns.COLUMNS,
                dev.ratchet.tabular.TableExport.allPages(page -> obligations.search(orgId, null, null, null, null, page),
                        org.springframework.data.domain.Sort.by("reference")));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The obligations register, in the columns the import reads, as XLSX")
    void exportObligationsXlsx(@PathVariable UUID organisationId, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportObligationsCsv(organisationId, request, response);
    }
}
