package dev.ratchet.incident.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.incident.Category;
import dev.ratchet.incident.IncidentFilter;
import dev.ratchet.incident.IncidentForm;
import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.incident.IncidentSummary;
import dev.ratchet.incident.IncidentView;
import dev.ratchet.incident.Severity;
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
@RequestMapping("/api/v1/organisations/{organisationId}/incidents")
@Tag(name = "Incidents", description = "The incident learning record, and the improvements raised from it")
class IncidentApi {

    private final IncidentManagement incidents;
    private final Imports imports;

    private final dev.ratchet.incident.IncidentReporting reporting;

    IncidentApi(IncidentManagement incidents, Imports imports, dev.ratchet.incident.IncidentReporting reporting) {
        this.reporting = reporting;
        this.imports = imports;
        this.incidents = incidents;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Incidents, latest detected first, filtered and paged in the database")
    Paged<IncidentSummary> listIncidents(@PathVariable UUID organisationId, @RequestParam(required = false) Category category,
            @RequestParam(required = false) Severity severity, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate detectedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate detectedTo,
            @RequestParam(required = false) UUID areaId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(incidents.search(CurrentTenant.require().organisationId(),
                new IncidentFilter(category, severity, open, detectedFrom, detectedTo, areaId, q),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by(Sort.Direction.DESC, "detectedAt"))));
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an incident (times in the organisation's time zone)")
    IncidentView recordIncident(@PathVariable UUID organisationId, @Valid @RequestBody IncidentForm form) {
        return incidents.record(CurrentTenant.require(), form);
    }

    @GetMapping("/{incidentId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An incident with the improvement records raised from it")
    IncidentView getIncident(@PathVariable UUID organisationId, @PathVariable UUID incidentId) {
        return incidents.get(CurrentTenant.require().organisationId(), incidentId);
    }

    @PutMapping("/{incidentId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Correct or complete an incident")
    IncidentView updateIncident(@PathVariable UUID organisationId, @PathVariable UUID incidentId, @Valid @RequestBody IncidentForm form) {
        return incidents.update(CurrentTenant.require(), incidentId, form);
    }

    @GetMapping("/{incidentId}/reporting")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The incident's NIS2 / DORA classification and the reports it owes: deadlines, tracking actions, when each was sent")
    dev.ratchet.incident.IncidentReportView getIncidentReporting(@PathVariable UUID organisationId, @PathVariable UUID incidentId) {
        return reporting.of(CurrentTenant.require().organisationId(), incidentId);
    }

    @PostMapping("/{incidentId}/classification")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Classify the incident as significant (NIS2) and/or major (DORA, from the criteria met), from the time of awareness: "
            + "the reports it then owes are planned as actions of the reporter, with their deadlines")
    dev.ratchet.incident.IncidentReportView classifyIncident(@PathVariable UUID organisationId, @PathVariable UUID incidentId,
            @Valid @RequestBody dev.ratchet.incident.ClassificationForm form) {
        return reporting.classify(CurrentTenant.require(), incidentId, form);
    }

    @PostMapping("/{incidentId}/reports/{reportId}/sent")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Record that a report went to the authority; its action is done and a later deadline that runs from it moves forward")
    dev.ratchet.incident.IncidentReportView recordIncidentReportSent(@PathVariable UUID organisationId, @PathVariable UUID incidentId,
            @PathVariable UUID reportId, @Valid @RequestBody dev.ratchet.incident.ReportSentForm form) {
        return reporting.sent(CurrentTenant.require(), incidentId, reportId, form);
    }

    @PostMapping("/{incidentId}/improvements")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a nonconformity or opportunity from the incident, linked to it")
    ImprovementView raiseFromIncident(@PathVariable UUID organisationId, @PathVariable UUID incidentId, @Valid @RequestBody RaiseForm form) {
        return incidents.raise(CurrentTenant.require(), incidentId, form);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"})
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import incidents from CSV: all rows or none. With dryRun=true nothing is written; "
            + "problems are named by row and column (422)")
    ResponseEntity<Imports.Outcome> importIncidents(@PathVariable UUID organisationId, ImportFile body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), incidents, body.content(), dryRun);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The incident register, in the columns the import reads, as CSV (UTF-8)")
    void exportIncidentsCsv(@PathVariable UUID organisationId, @RequestParam(required = false) Category category, @RequestParam(required = false) Severity severity, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        UUID orgId = CurrentTenant.require().organisationId();
        IncidentFilter filter = new IncidentFilter(category, severity, null, null, null, null, null);
        dev.ratchet.tabular.TableExport.respond(request, response, "incidents", "Incidents", dev.ratchet.incident.IncidentColumns.COLUMNS,
                dev.ratchet.tabular.TableExport.allPages(page -> incidents.search(orgId, filter, page), Sort.by(Sort.Direction.DESC, "detectedAt")));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The incident register, in the columns the import reads, as XLSX")
    void exportIncidentsXlsx(@PathVariable UUID organisationId, @RequestParam(required = false) Category category, @RequestParam(required = false) Severity severity, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportIncidentsCsv(organisationId, category, severity, request, response);
    }
}
