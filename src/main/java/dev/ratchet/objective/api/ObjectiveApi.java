package dev.ratchet.objective.api;

import java.util.List;
import java.util.UUID;

import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.objective.MeasurementForm;
import dev.ratchet.objective.ObjectiveForm;
import dev.ratchet.objective.ObjectiveManagement;
import dev.ratchet.objective.ObjectiveSummary;
import dev.ratchet.objective.ObjectiveView;
import dev.ratchet.objective.ReviewForm;
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
@RequestMapping("/api/v1/organisations/{organisationId}/objectives")
@Tag(name = "Objectives", description = "Information security objectives (6.2) with their measurements (9.1) and yearly reviews")
class ObjectiveApi {

    private final ObjectiveManagement objectives;
    private final Imports imports;

    ObjectiveApi(ObjectiveManagement objectives, Imports imports) {
        this.imports = imports;
        this.objectives = objectives;
    }

    @GetMapping
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Objectives with their latest value and whether it meets the target; status ACTIVE, RETIRED or empty for all")
    Paged<ObjectiveSummary> listObjectives(@PathVariable UUID organisationId, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(objectives.search(CurrentTenant.require().organisationId(), status, ownerId, q,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by("reference"))));
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set an objective")
    ObjectiveView createObjective(@PathVariable UUID organisationId, @Valid @RequestBody ObjectiveForm form) {
        return objectives.create(CurrentTenant.require(), form);
    }

    @GetMapping("/{objectiveId}")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "An objective with its measurements, reviews, status against the target and what was raised from it")
    ObjectiveView getObjective(@PathVariable UUID organisationId, @PathVariable UUID objectiveId) {
        return objectives.get(CurrentTenant.require().organisationId(), objectiveId);
    }

    @PutMapping("/{objectiveId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Change an objective")
    ObjectiveView updateObjective(@PathVariable UUID organisationId, @PathVariable UUID objectiveId, @Valid @RequestBody ObjectiveForm form) {
        return objectives.update(CurrentTenant.require(), objectiveId, form);
    }

    @GetMapping("/{objectiveId}/measurements")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The objective's measurements, oldest first")
    List<ObjectiveView.MeasurementView> listMeasurements(@PathVariable UUID organisationId, @PathVariable UUID objectiveId) {
        return objectives.get(CurrentTenant.require().organisationId(), objectiveId).measurements();
    }

    @PostMapping("/{objectiveId}/measurements")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a measurement (the objective's owner or the ISMS manager)")
    ObjectiveView recordMeasurement(@PathVariable UUID organisationId, @PathVariable UUID objectiveId, @Valid @RequestBody MeasurementForm form) {
        return objectives.measure(CurrentTenant.require(), objectiveId, form);
    }

    @PostMapping("/{objectiveId}/reviews")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the yearly review; RETIRE retires the objective")
    ObjectiveView reviewObjective(@PathVariable UUID organisationId, @PathVariable UUID objectiveId, @Valid @RequestBody ReviewForm form) {
        return objectives.review(CurrentTenant.require(), objectiveId, form);
    }

    @PostMapping("/{objectiveId}/improvements")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a nonconformity or opportunity from the objective, linked to it")
    ImprovementView raiseFromObjective(@PathVariable UUID organisationId, @PathVariable UUID objectiveId, @Valid @RequestBody RaiseForm form) {
        return objectives.raise(CurrentTenant.require(), objectiveId, form);
    }

    @PostMapping(path = "/measurements/import", consumes = {"text/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"})
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import measurements from CSV (columns Objective, Date, Value, Comment): all rows or none. "
            + "With dryRun=true nothing is written; problems are named by row and column (422)")
    ResponseEntity<Imports.Outcome> importMeasurements(@PathVariable UUID organisationId, ImportFile body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), objectives, body.content(), dryRun);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The objectives as CSV (UTF-8)")
    void exportObjectivesCsv(@PathVariable UUID organisationId, @RequestParam(required = false) String status, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        UUID orgId = CurrentTenant.require().organisationId();
        dev.ratchet.tabular.TableExport.respond(request, response, "objectives", "Objectives", dev.ratchet.objective.ObjectiveColumns.COLUMNS,
                dev.ratchet.tabular.TableExport.allPages(page -> objectives.search(orgId, status, null, null, page),
                        org.springframework.data.domain.Sort.by("reference")));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "The objectives as XLSX")
    void exportObjectivesXlsx(@PathVariable UUID organisationId, @RequestParam(required = false) String status, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportObjectivesCsv(organisationId, status, request, response);
    }

    @GetMapping("/measurements/export.csv")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Every measurement, in the columns the measurement import reads, as CSV (UTF-8)")
    void exportMeasurementsCsv(@PathVariable UUID organisationId, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        UUID orgId = CurrentTenant.require().organisationId();
        dev.ratchet.tabular.TableExport.respond(request, response, "measurements", "Measurements",
                dev.ratchet.objective.ObjectiveColumns.MEASUREMENT_COLUMNS,
                dev.ratchet.tabular.TableExport.allPages(page -> objectives.measurementRows(orgId, page), org.springframework.data.domain.Sort.unsorted()));
    }

    @GetMapping("/measurements/export.xlsx")
    @PreAuthorize(Access.MEMBER)
    @Operation(summary = "Every measurement, in the columns the measurement import reads, as XLSX")
    void exportMeasurementsXlsx(@PathVariable UUID organisationId, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportMeasurementsCsv(organisationId, request, response);
    }
}
