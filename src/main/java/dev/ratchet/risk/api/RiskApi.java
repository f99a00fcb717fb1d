package dev.ratchet.risk.api;

import java.io.IOException;
import java.util.UUID;

import dev.ratchet.risk.AcceptanceForm;
import dev.ratchet.risk.AssessmentForm;
import dev.ratchet.risk.CloseForm;
import dev.ratchet.risk.ConcernForm;
import dev.ratchet.risk.HeatMap;
import dev.ratchet.risk.NewRiskForm;
import dev.ratchet.risk.RiskColumns;
import dev.ratchet.risk.RiskFilter;
import dev.ratchet.risk.RiskForm;
import dev.ratchet.risk.RiskManagement;
import dev.ratchet.risk.RiskStatus;
import dev.ratchet.risk.RiskSummary;
import dev.ratchet.risk.RiskView;
import dev.ratchet.risk.Treatment;
import dev.ratchet.risk.TreatmentForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import dev.ratchet.shared.Refused;
import dev.ratchet.tabular.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
@RequestMapping("/api/v1/organisations/{organisationId}/risks")
@Tag(name = "Risks", description = "The risk register: risks, their dated assessments, treatment actions, acceptances of residual "
        + "risk and the records of the improvement loop that concern them")
class RiskApi {

    private final RiskManagement risks;
    private final dev.ratchet.risk.RiskImport riskImport;
    private final dev.ratchet.tabular.Imports imports;

    RiskApi(RiskManagement risks, dev.ratchet.risk.RiskImport riskImport, dev.ratchet.tabular.Imports imports) {
        this.risks = risks;
        this.riskImport = riskImport;
        this.imports = imports;
    }

    @Schema(name = "RiskVersionBody")
    record VersionBody(Long version) {
    }

    @GetMapping
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The register, filtered and paged in the database; sort = level (default: highest current level first), "
            + "reference, due or newest. likelihood and impact select a heat map cell (of the inherent rating with inherent=true)")
    Paged<RiskSummary> listRisks(@PathVariable UUID organisationId, @RequestParam(required = false) RiskStatus status,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) String category,
            @RequestParam(required = false) @Parameter(description = "Index of a level of the criteria in force (0 = lowest)") Integer level,
            @RequestParam(required = false) Integer likelihood, @RequestParam(required = false) Integer impact,
            @RequestParam(defaultValue = "false") boolean inherent, @RequestParam(required = false) Treatment treatment,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Parameter(description = "Only risks at a level nobody may accept") Boolean aboveAcceptance,
            @RequestParam(required = false) String requirement, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(risks.search(CurrentTenant.require().organisationId(), new RiskFilter(status, ownerId, category, level, likelihood,
                impact, inherent, treatment, overdue, aboveAcceptance, requirement, q), PageRequest.of(page, size, RiskFilter.order(sort))));
    }

    @PostMapping
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a risk with its first assessment, under the criteria in force (409 when none is approved)")
    RiskView recordRisk(@PathVariable UUID organisationId, @Valid @RequestBody NewRiskForm form) {
        return risks.record(CurrentTenant.require(), form);
    }

    @GetMapping("/heat-map")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Open and accepted risks per likelihood and impact under the criteria in force (404 when none is approved)")
    HeatMap riskHeatMap(@PathVariable UUID organisationId, @RequestParam(defaultValue = "false") boolean inherent) {
        return risks.heatMap(CurrentTenant.require().organisationId(), inherent)
                .orElseThrow(() -> Refused.notFound("Approved risk criteria"));
    }

    @GetMapping("/{riskId}")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "A risk with its assessments, treatment plan, acceptances and the records that concern it")
    RiskView getRisk(@PathVariable UUID organisationId, @PathVariable UUID riskId) {
        return risks.get(CurrentTenant.require().organisationId(), riskId);
    }

    @PutMapping("/{riskId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Change what a risk is and who owns it; a new owner or treatment withdraws the acceptance in force")
    RiskView updateRisk(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody RiskForm form) {
        return risks.update(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/assessments")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Re-assess a risk (its owner or the ISMS manager); a changed level withdraws the acceptance in force")
    RiskView assessRisk(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody AssessmentForm form) {
        return risks.assess(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/acceptances")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accept the residual risk, by whom the acceptance criteria name for its level; refused (409) above the criteria")
    RiskView acceptRisk(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody AcceptanceForm form) {
        return risks.accept(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/acceptance/withdrawal")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "Withdraw the acceptance in force (the risk owner, top management or the ISMS manager)")
    RiskView withdrawRiskAcceptance(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody CloseForm form) {
        return risks.withdrawAcceptance(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/treatment-actions")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a treatment action in the action tracker, with the controls it implements (the owner or the ISMS manager)")
    RiskView planRiskTreatment(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody TreatmentForm form) {
        return risks.planTreatment(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/concerns")
    @PreAuthorize(Access.REPORT)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a nonconformity, incident, ISMS change or obligation that concerns the risk; its owner is asked to re-assess it")
    RiskView linkRiskConcern(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody ConcernForm form) {
        return risks.concern(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/closure")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Close a risk that no longer applies; it stays in the register with its history")
    RiskView closeRisk(@PathVariable UUID organisationId, @PathVariable UUID riskId, @Valid @RequestBody CloseForm form) {
        return risks.close(CurrentTenant.require(), riskId, form);
    }

    @PostMapping("/{riskId}/reopening")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Reopen a closed risk")
    RiskView reopenRisk(@PathVariable UUID organisationId, @PathVariable UUID riskId, @RequestBody VersionBody body) {
        return risks.reopen(CurrentTenant.require(), riskId, body.version());
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"})
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import risks from CSV or XLSX under the criteria in force: all rows or none; dryRun=true writes nothing; "
            + "problems by row and column (422). Columns are also found by the names risk spreadsheets use (Risk ID, Risk owner, Residual likelihood …)")
    org.springframework.http.ResponseEntity<dev.ratchet.tabular.Imports.Outcome> importRisks(@PathVariable UUID organisationId,
            dev.ratchet.tabular.ImportFile body, @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.answer(CurrentTenant.require(), riskImport, body.content(), dryRun);
    }

    @GetMapping("/export.csv")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The risk register, in the columns the import reads, as CSV (UTF-8)")
    void exportRisksCsv(@PathVariable UUID organisationId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID org = CurrentTenant.require().organisationId();
        TableExport.respond(request, response, "risks", "Risks", RiskColumns.COLUMNS,
                TableExport.allPages(page -> risks.search(org, RiskFilter.none(), page), Sort.by("reference")));
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(Access.REPORT)
    @Operation(summary = "The risk register, in the columns the import reads, as XLSX")
    void exportRisksXlsx(@PathVariable UUID organisationId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // TableExport writes the format of the request's path: the same rows as the CSV, as XLSX.
        exportRisksCsv(organisationId, request, response);
    }
}
