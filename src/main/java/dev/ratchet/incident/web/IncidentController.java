package dev.ratchet.incident.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ratchet.incident.IncidentColumns;
import dev.ratchet.improvement.Kind;
import dev.ratchet.incident.Category;
import dev.ratchet.incident.IncidentFilter;
import dev.ratchet.incident.IncidentForm;
import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.incident.IncidentSummary;
import dev.ratchet.incident.IncidentView;
import dev.ratchet.incident.Severity;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.Column;
import dev.ratchet.tabular.TableExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class IncidentController {


    static final List<Column<IncidentSummary>> COLUMNS = IncidentColumns.COLUMNS;

    private final IncidentManagement incidents;
    private final OrganisationManagement organisations;
    private final People people;

    private final dev.ratchet.incident.IncidentReporting reporting;

    IncidentController(IncidentManagement incidents, OrganisationManagement organisations, People people,
            dev.ratchet.incident.IncidentReporting reporting) {
        this.reporting = reporting;
        this.incidents = incidents;
        this.organisations = organisations;
        this.people = people;
    }

    static String moment(OffsetDateTime time) {
        return IncidentColumns.moment(time);
    }

    @GetMapping("/incidents")
    @PreAuthorize(Access.MEMBER)
    String register(@RequestParam(required = false) Category category, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID areaId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        IncidentFilter filter = new IncidentFilter(category, severity, open, from, to, areaId, q);
        model.addAttribute("incidents", incidents.search(org, filter, PageRequest.of(Math.max(page, 0), 50,
                Sort.by(Sort.Direction.DESC, "detectedAt"))));
        model.addAttribute("filter", filter);
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("areas", organisations.allAreas(org));
        return "incident/register";
    }

    @GetMapping({"/incidents/export.csv", "/incidents/export.xlsx"})
    @PreAuthorize(Access.MEMBER)
    void export(@RequestParam(required = false) Category category, @RequestParam(required = false) Severity severity,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID org = CurrentTenant.require().organisationId();
        IncidentFilter filter = new IncidentFilter(category, severity, null, null, null, null, null);
        TableExport.respond(request, response, "incidents", "Incidents", COLUMNS,
                TableExport.allPages(page -> incidents.search(org, filter, page), Sort.by(Sort.Direction.DESC, "detectedAt")));
    }

    @GetMapping("/incidents/new")
    @PreAuthorize(Access.CONFIGURE)
    String newIncident(@ModelAttribute("incident") IncidentForm incident, Model model) {
        if (incident.getDetectedAt() == null) {
            incident.setDetectedAt(incidents.now(CurrentTenant.require().organisationId()));
        }
        return form(model, null);
    }

    @PostMapping("/incidents")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("incident") IncidentForm incident, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                IncidentView created = incidents.record(CurrentTenant.require(), incident);
                redirect.addFlashAttribute("success", created.reference() + " is recorded.");
                return "redirect:/incidents/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, null);
    }

    @GetMapping("/incidents/{id}/edit")
    @PreAuthorize(Access.CONFIGURE)
    String edit(@PathVariable UUID id, Model model) {
        IncidentView i = incidents.get(CurrentTenant.require().organisationId(), id);
        IncidentForm form = new IncidentForm();
        form.setTitle(i.title());
        form.setOccurredAt(i.occurredAt());
        form.setDetectedAt(i.detectedAt());
        form.setResolvedAt(i.resolvedAt());
        form.setCategory(i.category());
        form.setSeverity(i.severity());
        form.setAffectedAssets(i.affectedAssets());
        form.setAreaIds(new ArrayList<>(i.areas().stream().map(IncidentView.Area::id).toList()));
        form.setSummary(i.summary());
        form.setResponse(i.response());
        form.setLessonsLearned(i.lessonsLearned());
        form.setVersion(i.version());
        model.addAttribute("incident", form);
        return form(model, i);
    }

    @PostMapping("/incidents/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("incident") IncidentForm incident, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                incidents.update(CurrentTenant.require(), id, incident);
                redirect.addFlashAttribute("success", "Saved.");
                return "redirect:/incidents/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return form(model, incidents.get(CurrentTenant.require().organisationId(), id));
    }

    private String form(Model model, IncidentView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("areas", organisations.allAreas(CurrentTenant.require().organisationId()));
        return "incident/form";
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        IncidentView i = incidents.get(org, id);
        model.addAttribute("i", i);
        dev.ratchet.incident.IncidentReportView reports = reporting.of(org, id);
        model.addAttribute("reporting", reports);
        if (!model.containsAttribute("classification")) {
            dev.ratchet.incident.ClassificationForm form = new dev.ratchet.incident.ClassificationForm();
            form.setAwareAt(reports.awareAt() != null ? reports.awareAt() : i.detectedAt());
            form.setNis2Significant(reports.nis2Significant());
            form.setDoraCriteria(new ArrayList<>(reports.doraCriteria()));
            form.setReporterId(CurrentTenant.require().userId());
            form.setVersion(i.version());
            model.addAttribute("classification", form);
        }
        model.addAttribute("criteria", dev.ratchet.incident.DoraCriterion.values());
        model.addAttribute("now", incidents.now(org));
        if (reports.nis2InScope() || reports.doraInScope()) {
            model.addAttribute("people", people.assignableIn(org));
        }
        return "incident/incident";
    }

    @PostMapping("/incidents/{id}/classification")
    @PreAuthorize(Access.CONFIGURE)
    String classify(@PathVariable UUID id, @Valid @ModelAttribute("classification") dev.ratchet.incident.ClassificationForm classification,
            BindingResult result, RedirectAttributes redirect) {
        return Forms.submitted("/incidents/" + id, "classification", classification, result, redirect, "#reporting", "#reporting", () -> {
            dev.ratchet.incident.IncidentReportView v = reporting.classify(CurrentTenant.require(), id, classification);
            return "Classified" + (v.nis2Significant() ? " as a significant incident under NIS2" : "")
                    + (v.nis2Significant() && v.doraMajor() ? " and" : "") + (v.doraMajor() ? " as a major ICT-related incident under DORA" : "")
                    + ": " + v.reports().size() + " reports are owed, each an action with its deadline.";
        });
    }

    @PostMapping("/incidents/{id}/reports/{reportId}/sent")
    @PreAuthorize(Access.CONFIGURE)
    String reportSent(@PathVariable UUID id, @PathVariable UUID reportId, @Valid @ModelAttribute("sent") dev.ratchet.incident.ReportSentForm sent,
            BindingResult result, RedirectAttributes redirect) {
        return Forms.submitted("/incidents/" + id, "sent", sent, result, redirect, "#reporting", "#reporting", () -> {
            dev.ratchet.incident.IncidentReportView v = reporting.sent(CurrentTenant.require(), id, reportId, sent);
            return v.reports().stream().filter(r -> r.id().equals(reportId)).findFirst()
                    .map(r -> "The " + r.label().toLowerCase() + " is recorded as sent" + (r.late() ? ", after its deadline." : ", in time.")).orElse("Recorded.");
        });
    }

}
