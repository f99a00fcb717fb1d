package dev.ratchet.improvement.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.FrameworkScopes;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.improvement.Evaluation;
import dev.ratchet.improvement.Grade;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementSummary;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RcaMethod;
import dev.ratchet.improvement.RegisterFilter;
import dev.ratchet.improvement.ReportForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.improvement.Status;
import dev.ratchet.improvement.Transition;
import dev.ratchet.improvement.TransitionRequest;
import dev.ratchet.improvement.Trend;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.evidence.EvidenceView;
import org.springframework.web.multipart.MultipartFile;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register, reporting, and a record's page with its workflow. */
@Controller
class ImprovementController {

    static final int PAGE_SIZE = 25;

    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final CatalogueManagement catalogue;
    private final FrameworkScopes scopes;
    private final People people;
    private final java.time.Clock clock;
    private final dev.ratchet.improvement.ImprovementDocuments documents;
    private final dev.ratchet.history.HistoryManagement history;

    ImprovementController(ImprovementManagement improvements, OrganisationManagement organisations,
            CatalogueManagement catalogue, People people, java.time.Clock clock, dev.ratchet.improvement.ImprovementDocuments documents,
            dev.ratchet.history.HistoryManagement history, FrameworkScopes scopes) {
        this.history = history;
        this.scopes = scopes;
        this.improvements = improvements;
        this.documents = documents;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/improvements")
    @PreAuthorize(Access.MEMBER)
    String register(@ModelAttribute("params") RegisterParams params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Tenant tenant = CurrentTenant.require();
        RegisterFilter filter = params.filter();
        Page<ImprovementSummary> records = improvements.search(tenant.organisationId(), filter,
                PageRequest.of(Math.max(params.getPage(), 0), PAGE_SIZE, params.order()));
        model.addAttribute("records", records);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", params.getSort());
        model.addAttribute("direction", params.getDirection());
        model.addAttribute("filtered", !filter.equals(RegisterFilter.none()));
        choices(model, tenant);
        return htmx != null ? "improvement/register :: results" : "improvement/register";
    }

    /**
     * The trends banner (nonconformities piling up against a requirement or in an area), counted over the
     * organisation's whole trend window: the register page asks for it once it has shown, so that the register itself
     * does not wait for the count.
     */
    @GetMapping("/improvements/trends")
    @PreAuthorize(Access.MEMBER)
    String trends(Model model) {
        model.addAttribute("trends", improvements.trendCounts(CurrentTenant.require().organisationId()));
        return "improvement/register :: trends";
    }

    /** The filtered register as the incident and corrective action log, for an auditor's spreadsheet. */
    @GetMapping({ "/improvements/export.csv", "/improvements/export.xlsx" })
    @PreAuthorize(Access.MEMBER)
    void export(@ModelAttribute RegisterParams params, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        Tenant tenant = CurrentTenant.require();
        java.util.function.Consumer<java.util.function.Consumer<dev.ratchet.improvement.LogRow>> rows =
                into -> improvements.log(tenant.organisationId(), params.filter(), params.order(), into);
        dev.ratchet.tabular.TableExport.respond(request, response, "improvement-log-" + LocalDate.now(clock), "Improvement log",
                dev.ratchet.improvement.ImprovementLog.COLUMNS, rows);
    }

    /** Turns a trend into the systemic opportunity for improvement it calls for. */
    @PostMapping("/improvements/trends")
    @PreAuthorize(Access.REPORT)
    String proposeSystemicImprovement(@RequestParam Trend.Dimension dimension, @RequestParam String key,
            RedirectAttributes redirect) {
        try {
            ImprovementView proposed = improvements.proposeSystemicImprovement(CurrentTenant.require(), dimension, key);
            redirect.addFlashAttribute("success", proposed.reference() + " is proposed, linked to the nonconformities of the trend.");
            return "redirect:/improvements/" + proposed.id();
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/improvements";
        }
    }

    @GetMapping("/improvements/new")
    @PreAuthorize(Access.REPORT)
    String newRecord(@ModelAttribute("report") ReportForm report, @RequestParam(required = false) Kind kind, Model model) {
        if (kind != null) {
            report.setKind(kind);
        }
        choices(model, CurrentTenant.require());
        return "improvement/report";
    }

    @PostMapping("/improvements")
    @PreAuthorize(Access.REPORT)
    String report(@Valid @ModelAttribute("report") ReportForm report, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        if (!result.hasErrors()) {
            try {
                ImprovementView created = improvements.report(tenant, report);
                redirect.addFlashAttribute("success", created.reference() + " is reported.");
                return "redirect:/improvements/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        choices(model, tenant);
        return "improvement/report";
    }

    /** Suggestions while a report is typed: records probably about the same problem. */
    @GetMapping("/improvements/similar")
    @PreAuthorize(Access.REPORT)
    String similarWhileTyping(@RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) List<String> requirements, @RequestParam(required = false) UUID areaId,
            Model model) {
        model.addAttribute("similar", improvements.similarTo(CurrentTenant.require(), title, description, requirements, areaId));
        return "improvement/similar :: suggestions";
    }

    /** The record document an auditor takes away: the whole story, its evidence files and its history. */
    @GetMapping("/improvements/{id}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    org.springframework.http.ResponseEntity<byte[]> documentPdf(@PathVariable UUID id) {
        return documents.pdf(CurrentTenant.require(), id);
    }

    @GetMapping("/improvements/{id}/document.docx")
    @PreAuthorize(Access.MEMBER)
    org.springframework.http.ResponseEntity<byte[]> documentDocx(@PathVariable UUID id) {
        return documents.docx(CurrentTenant.require(), id);
    }

    @GetMapping("/improvements/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        ImprovementView record = improvements.get(tenant, id);
        if (!model.containsAttribute("step")) {
            TransitionRequest step = new TransitionRequest();
            step.setVersion(record.version());
            step.setOwnerId(record.ownerId());
            step.setGrade(record.grade());
            step.setRcaMethod(RcaMethod.FIVE_WHYS);
            model.addAttribute("step", step);
        }
        model.addAttribute("record", record);
        Map<String, List<dev.ratchet.catalogue.Mapped>> alsoTouches = new java.util.LinkedHashMap<>();
        record.requirements().forEach(r -> alsoTouches.put(r, scopes.alsoTouches(tenant.organisationId(), r)));
        model.addAttribute("alsoTouches", alsoTouches);
        model.addAttribute("requirementTitles", record.requirements().stream().collect(java.util.stream.Collectors.toMap(r -> r,
                r -> catalogue.find(r).map(q -> q.title()).orElse("(no longer in the catalogue)"), (a, b) -> a)));
        model.addAttribute("today", improvements.today(tenant.organisationId()));
        model.addAttribute("workflow", record.kind() == Kind.NONCONFORMITY
                ? List.of(Status.REPORTED, Status.CONTAINED, Status.ANALYSED, Status.ACTIONS_PLANNED, Status.IMPLEMENTED,
                        Status.EFFECTIVENESS_REVIEW, Status.CLOSED)
                : List.of(Status.REPORTED, Status.EVALUATED, Status.ACTIONS_PLANNED, Status.IMPLEMENTED, Status.CLOSED));
        if (!model.containsAttribute("stepErrors")) {
            model.addAttribute("stepErrors", Map.of());
        }
        choices(model, tenant);
        return "improvement/record";
    }

    @PostMapping("/improvements/{id}/transitions")
    @PreAuthorize(Access.REPORT)
    String transition(@PathVariable UUID id, @ModelAttribute("step") TransitionRequest step, BindingResult result,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        Tenant tenant = CurrentTenant.require();
        try {
            ImprovementView record = improvements.transition(tenant, id, step);
            redirect.addFlashAttribute("success", step.getTransition() == Transition.RECORD_ISMS_CHANGE
                    ? "The change to the ISMS is recorded." : record.reference() + " is now " + record.status().label().toLowerCase() + ".");
            return "redirect:/improvements/" + id;
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            model.addAttribute("failedStep", step.getTransition());
            model.addAttribute("stepMessage", refused.getMessage());
            model.addAttribute("stepErrors", refused.fieldErrors());
            conflict(tenant, id, step, request, model, refused.getMessage().equals(Refused.staleEdit().getMessage()));
            return show(id, model);
        }
        catch (org.springframework.orm.ObjectOptimisticLockingFailureException raced) {
            model.addAttribute("failedStep", step.getTransition());
            model.addAttribute("stepMessage", Refused.staleEdit().getMessage());
            model.addAttribute("stepErrors", Map.of());
            conflict(tenant, id, step, request, model, true);
            return show(id, model);
        }
    }

    /** A changed value as a person reads it: a moment in the organisation's time, nothing as "(empty)". */
    private static String shown(String value, java.time.ZoneId zone, java.time.format.DateTimeFormatter moment) {
        if (value == null || value.isBlank()) {
            return "(empty)";
        }
        try {
            return moment.format(java.time.Instant.parse(value).atZone(zone));
        }
        catch (java.time.format.DateTimeParseException notAMoment) {
            return value.length() > 200 ? value.substring(0, 200) + "…" : value;
        }
    }

    /**
     * Someone else moved the record on while this person typed: the page says so at the top of the next step, shows
     * what they changed (the record's changes since the version this person started from) and gives back what was
     * typed, also when the step is no longer offered in the record's new state.
     */
    private void conflict(Tenant tenant, UUID id, TransitionRequest step, jakarta.servlet.http.HttpServletRequest request, Model model,
            boolean stale) {
        ImprovementView now = improvements.get(tenant, id);
        if (!stale && now.allowed().contains(step.getTransition())) {
            return; // an ordinary refusal, shown beside the step's form
        }
        List<dev.ratchet.history.HistoryEntry> entries = history.readable(tenant, "ImprovementRecord", id.toString());
        long since = step.getVersion() == null ? 1 : Math.max(1, now.version() - step.getVersion());
        List<dev.ratchet.history.HistoryEntry> own = entries.stream().filter(e -> e.recordId().equals(id.toString())).limit(since).toList();
        java.time.Instant from = own.isEmpty() ? java.time.Instant.MIN : own.get(own.size() - 1).occurredAt();
        java.time.ZoneId zone = organisations.zone(tenant.organisationId());
        java.time.format.DateTimeFormatter moment = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.UK);
        model.addAttribute("conflictChanges", entries.stream().filter(e -> !e.occurredAt().isBefore(from)).limit(20)
                .map(e -> (e.actorName() == null ? "Someone" : e.actorName()) + ", " + moment.format(e.occurredAt().atZone(zone)) + ": "
                        + String.join("; ", e.changes().stream().map(c -> dev.ratchet.shared.TypedText.label(c.field()) + " → "
                                + shown(c.after(), zone, moment)).toList()))
                .toList());
        model.addAttribute("conflictTyped", dev.ratchet.shared.TypedText.of(request));
        model.addAttribute("conflictStep", step.getTransition());
    }

    @PostMapping("/improvements/{id}/evidence")
    @PreAuthorize(Access.REPORT)
    String attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate evidenceDate,
            @RequestParam(required = false) String description, RedirectAttributes redirect) throws java.io.IOException {
        try {
            EvidenceView stored = improvements.attach(CurrentTenant.require(), id, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, evidenceDate, description));
            redirect.addFlashAttribute("success", "\"" + stored.fileName() + "\" is attached (SHA-256 " + stored.sha256().substring(0, 12) + "…).");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("evidenceError", refused.getMessage());
        }
        return "redirect:/improvements/" + id + "#evidence";
    }

    private void choices(Model model, Tenant tenant) {
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("sources", Source.values());
        model.addAttribute("methods", RcaMethod.values());
        model.addAttribute("evaluations", Evaluation.values());
        model.addAttribute("fishboneCategories", new String[] {"People", "Process", "Technology", "Environment", "Management", "Measurement"});
        model.addAttribute("areas", organisations.allAreas(tenant.organisationId()));
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        // The requirements of the frameworks in scope, by framework (a category of NIST CSF, a heading of NIS2 too:
        // a filter by it finds what is under it).
        FrameworkScopes.Scope scope = scopes.of(tenant.organisationId());
        model.addAttribute("frameworksInScope", scope.frameworks());
        model.addAttribute("frameworkNames", catalogue.shortNames());
        model.addAttribute("requirementChoices", catalogue.searchIn(scope.ids(), null, null).stream()
                .filter(r -> r.kind() != Requirement.Kind.THEME || !r.framework().equals(dev.ratchet.catalogue.CatalogueManagement.PRIMARY)).toList());
    }
}
