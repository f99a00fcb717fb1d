package dev.ratchet.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ratchet.audit.AuditForm;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.audit.AuditProgrammeDocuments;
import dev.ratchet.audit.AuditReports;
import dev.ratchet.audit.AuditType;
import dev.ratchet.audit.AuditView;
import dev.ratchet.audit.CertificationStage;
import dev.ratchet.audit.FindingForm;
import dev.ratchet.audit.LineForm;
import dev.ratchet.audit.LineResult;
import dev.ratchet.audit.TeamMemberForm;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.document.Downloads;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AuditController {

    private final AuditManagement audits;
    private final AuditReports reports;
    private final AuditProgrammeDocuments programmeDocuments;
    private final OrganisationManagement organisations;
    private final CatalogueManagement catalogue;
    private final dev.ratchet.catalogue.FrameworkScopes scopes;
    private final People people;

    AuditController(AuditManagement audits, AuditReports reports, OrganisationManagement organisations,
            CatalogueManagement catalogue, People people, AuditProgrammeDocuments programmeDocuments,
            dev.ratchet.catalogue.FrameworkScopes scopes) {
        this.scopes = scopes;
        this.programmeDocuments = programmeDocuments;
        this.audits = audits;
        this.reports = reports;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.people = people;
    }

    // --- the programme -----------------------------------------------------------------------------------------

    @GetMapping("/audits")
    @PreAuthorize(Access.MEMBER)
    String programme(@RequestParam(required = false) Integer year, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        int thisYear = audits.today(org).getYear();
        int shown = year == null ? thisYear : year;
        model.addAttribute("programme", audits.programme(org, shown));
        List<Integer> years = new ArrayList<>(audits.programmeYears(org));
        for (int y : List.of(thisYear + 1, thisYear, shown)) {
            if (!years.contains(y)) {
                years.add(y);
            }
        }
        years.sort((a, b) -> b - a);
        model.addAttribute("years", years);
        model.addAttribute("months", List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"));
        model.addAttribute("frequencies", audits.frequencies(org));
        return "audit/programme";
    }

    @PostMapping("/audits/programme/{year}")
    @PreAuthorize(Access.CONFIGURE)
    String describeProgramme(@PathVariable int year, @RequestParam(required = false) String basis,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            audits.describeProgramme(CurrentTenant.require(), year, basis, version);
            redirect.addFlashAttribute("success", "The programme's basis is saved.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/audits?year=" + year;
    }

    @PostMapping("/audits/programme/{year}/approval")
    @PreAuthorize(Access.APPROVE)
    String approveProgramme(@PathVariable int year, @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            var approved = audits.approveProgramme(CurrentTenant.require(), year, note, version);
            redirect.addFlashAttribute("success", "Revision " + approved.revision() + " of the " + year + " programme is approved.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/audits?year=" + year;
    }

    // --- planning ----------------------------------------------------------------------------------------------

    @GetMapping("/audits/new")
    @PreAuthorize(Access.CONFIGURE)
    String newAudit(@ModelAttribute("audit") AuditForm audit, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) List<String> requirement, Model model) {
        LocalDate today = audits.today(CurrentTenant.require().organisationId());
        if (audit.getPlannedStart() == null) {
            LocalDate start = year == null || year == today.getYear() ? today.plusWeeks(2) : LocalDate.of(year, 1, 15);
            audit.setPlannedStart(start);
            audit.setPlannedEnd(start.plusDays(2));
        }
        if (requirement != null) {
            audit.setRequirements(new ArrayList<>(requirement));
        }
        return form(model, null);
    }

    @PostMapping("/audits")
    @PreAuthorize(Access.CONFIGURE)
    String plan(@Valid @ModelAttribute("audit") AuditForm audit, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                AuditView planned = audits.plan(CurrentTenant.require(), audit);
                redirect.addFlashAttribute("success", planned.reference() + " is planned with " + planned.lines().size()
                        + " checklist lines. Add the audit team next.");
                return "redirect:/audits/" + planned.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, null);
    }

    @GetMapping("/audits/{id}/edit")
    @PreAuthorize(Access.CONFIGURE)
    String edit(@PathVariable UUID id, Model model) {
        AuditView a = audits.get(CurrentTenant.require().organisationId(), id);
        AuditForm form = new AuditForm();
        form.setTitle(a.title());
        form.setType(a.type());
        form.setCertificationStage(a.certificationStage());
        form.setCertificationBody(a.certificationBody());
        form.setParty(a.party());
        form.setContractReference(a.contractReference());
        form.setObjectives(a.objectives());
        form.setCriteria(a.criteria());
        form.setPlannedStart(a.plannedStart());
        form.setPlannedEnd(a.plannedEnd());
        form.setAreaIds(new ArrayList<>(a.areas().stream().map(AuditView.Named::id).toList()));
        form.setRequirements(new ArrayList<>(a.lines().stream().map(AuditView.Line::requirement).toList()));
        form.setVersion(a.version());
        model.addAttribute("audit", form);
        return form(model, a);
    }

    @PostMapping("/audits/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String replan(@PathVariable UUID id, @Valid @ModelAttribute("audit") AuditForm audit, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                audits.replan(CurrentTenant.require(), id, audit);
                redirect.addFlashAttribute("success", "The plan is saved.");
                return "redirect:/audits/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return form(model, audits.get(CurrentTenant.require().organisationId(), id));
    }

    private String form(Model model, AuditView existing) {
        UUID org = CurrentTenant.require().organisationId();
        model.addAttribute("existing", existing);
        model.addAttribute("types", AuditType.values());
        model.addAttribute("stages", CertificationStage.values());
        model.addAttribute("areas", organisations.allAreas(org));
        List<dev.ratchet.catalogue.Framework> inScope = scopes.of(org).frameworks();
        model.addAttribute("frameworksInScope", inScope);
        model.addAttribute("requirementChoices", inScope.stream().flatMap(f -> catalogue.auditable(f.id()).stream()).toList());
        return "audit/form";
    }

    // --- one audit ---------------------------------------------------------------------------------------------

    @GetMapping("/audits/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        AuditView audit = audits.get(tenant.organisationId(), id);
        model.addAttribute("audit", audit);
        model.addAttribute("results", LineResult.values());
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        if (!model.containsAttribute("member")) {
            TeamMemberForm member = new TeamMemberForm();
            member.setLead(audit.team().stream().noneMatch(AuditView.TeamMember::lead));
            model.addAttribute("member", member);
        }
        boolean planner = tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
        boolean onTeam = audit.team().stream().anyMatch(m -> tenant.userId().equals(m.userId()));
        model.addAttribute("planner", planner);
        model.addAttribute("works", planner || onTeam && tenant.hasAnyRole("AUDITOR"));
        return "audit/audit";
    }

    @PostMapping("/audits/{id}/team")
    @PreAuthorize(Access.CONFIGURE)
    String addTeamMember(@PathVariable UUID id, @Valid @ModelAttribute("member") TeamMemberForm member, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                audits.addTeamMember(CurrentTenant.require(), id, member);
                redirect.addFlashAttribute("success", "The team is updated.");
                return "redirect:/audits/" + id + "#team";
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.member", result);
        redirect.addFlashAttribute("member", member);
        return "redirect:/audits/" + id + "#team";
    }

    @PostMapping("/audits/{id}/team/{memberId}/delete")
    @PreAuthorize(Access.CONFIGURE)
    String removeTeamMember(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return step(id, redirect, "#team", "The auditor is off the team.",
                () -> audits.removeTeamMember(CurrentTenant.require(), id, memberId, version));
    }

    @PostMapping("/audits/{id}/start")
    @PreAuthorize(Access.AUDIT)
    String start(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return step(id, redirect, "#checklist", "The audit is in progress: record a result for each checklist line.",
                () -> audits.start(CurrentTenant.require(), id, version));
    }

    @PostMapping("/audits/{id}/report")
    @PreAuthorize(Access.AUDIT)
    String report(@PathVariable UUID id, @RequestParam(required = false) String text, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return step(id, redirect, "", "The audit is reported. Its report is ready to download and goes to the next management review.",
                () -> audits.report(CurrentTenant.require(), id, text, version));
    }

    @PostMapping("/audits/{id}/close")
    @PreAuthorize(Access.AUDIT)
    String close(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return step(id, redirect, "", "The audit is closed.", () -> audits.close(CurrentTenant.require(), id, version));
    }

    @PostMapping("/audits/{id}/cancel")
    @PreAuthorize(Access.CONFIGURE)
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String text, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return step(id, redirect, "", "The audit is cancelled; the programme records why.",
                () -> audits.cancel(CurrentTenant.require(), id, text, version));
    }

    @PostMapping("/audits/{id}/lines/{lineId}")
    @PreAuthorize(Access.AUDIT)
    String recordLine(@PathVariable UUID id, @PathVariable UUID lineId, @Valid @ModelAttribute LineForm line,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("lineError", result.getAllErrors().get(0).getDefaultMessage());
            redirect.addFlashAttribute("lineId", lineId);
            return "redirect:/audits/" + id + "#line-" + lineId;
        }
        try {
            AuditView audit = audits.recordLine(CurrentTenant.require(), id, lineId, line);
            boolean raises = line.getResult() != null && line.getResult().finding() != null;
            boolean raised = audit.lines().stream().anyMatch(l -> l.id().equals(lineId) && l.improvementId() != null);
            if (raises && !raised) {
                redirect.addFlashAttribute("success", "Saved. Confirm the improvement record this finding raises.");
                return "redirect:/audits/" + id + "/lines/" + lineId + "/finding";
            }
            redirect.addFlashAttribute("success", "Saved.");
        }
        catch (Refused refused) {
            return lineRefused(id, lineId, refused, redirect);
        }
        return "redirect:/audits/" + id + "#line-" + lineId;
    }

    @GetMapping("/audits/{id}/lines/{lineId}/finding")
    @PreAuthorize(Access.AUDIT)
    String finding(@PathVariable UUID id, @PathVariable UUID lineId, Model model, RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        try {
            model.addAttribute("finding", audits.proposeFinding(tenant, id, lineId));
        }
        catch (Refused refused) {
            return lineRefused(id, lineId, refused, redirect);
        }
        return findingPage(model, tenant, id, lineId);
    }

    @PostMapping("/audits/{id}/lines/{lineId}/finding")
    @PreAuthorize(Access.AUDIT)
    String raiseFinding(@PathVariable UUID id, @PathVariable UUID lineId, @Valid @ModelAttribute("finding") FindingForm finding,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        if (!result.hasErrors()) {
            try {
                AuditView audit = audits.raiseFinding(tenant, id, lineId, finding);
                String reference = audit.lines().stream().filter(l -> l.id().equals(lineId)).map(AuditView.Line::improvementReference)
                        .findFirst().orElse("The improvement record");
                redirect.addFlashAttribute("success", reference + " is raised and linked to this audit.");
                return "redirect:/audits/" + id + "#line-" + lineId;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return findingPage(model, tenant, id, lineId);
    }

    private String findingPage(Model model, Tenant tenant, UUID id, UUID lineId) {
        AuditView audit = audits.get(tenant.organisationId(), id);
        model.addAttribute("audit", audit);
        model.addAttribute("line", audit.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> Refused.notFound("Checklist line")));
        model.addAttribute("areas", organisations.allAreas(tenant.organisationId()));
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        return "audit/finding";
    }

    @PostMapping("/audits/{id}/lines/{lineId}/evidence")
    @PreAuthorize(Access.AUDIT)
    String attach(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate evidenceDate,
            @RequestParam(required = false) String description, RedirectAttributes redirect) throws IOException {
        try {
            var stored = audits.attach(CurrentTenant.require(), id, lineId, dev.ratchet.evidence.EvidenceManagement.Upload.of(file, evidenceDate, description));
            redirect.addFlashAttribute("success", "\"" + stored.fileName() + "\" is attached.");
        }
        catch (Refused refused) {
            return lineRefused(id, lineId, refused, redirect);
        }
        return "redirect:/audits/" + id + "#line-" + lineId;
    }

    /** The year's programme as a document (9.2.2): PDF, Word or Excel. */
    @GetMapping("/audits/programme/{year}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> programmePdf(@PathVariable int year) {
        return Downloads.pdf(AuditProgrammeDocuments.fileName(year), programmeDocuments.pdf(CurrentTenant.require().organisationId(), year));
    }

    @GetMapping("/audits/programme/{year}/document.docx")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> programmeDocx(@PathVariable int year) {
        return Downloads.docx(AuditProgrammeDocuments.fileName(year), programmeDocuments.docx(CurrentTenant.require().organisationId(), year));
    }

    @GetMapping("/audits/programme/{year}/document.xlsx")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> programmeXlsx(@PathVariable int year) {
        return Downloads.xlsx(AuditProgrammeDocuments.fileName(year), programmeDocuments.xlsx(CurrentTenant.require().organisationId(), year));
    }

    @GetMapping("/audits/{id}/report.pdf")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        UUID org = CurrentTenant.require().organisationId();
        return Downloads.pdf(reports.report(org, id).fileName(), reports.pdf(org, id));
    }

    @GetMapping("/audits/{id}/report.docx")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        UUID org = CurrentTenant.require().organisationId();
        return Downloads.docx(reports.report(org, id).fileName(), reports.docx(org, id));
    }

    // --- coverage ----------------------------------------------------------------------------------------------

    @GetMapping("/audits/coverage")
    @PreAuthorize(Access.MEMBER)
    String coverage(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean gaps,
            @RequestParam(required = false) String framework, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        int end = year == null ? audits.today(org).getYear() : year;
        dev.ratchet.catalogue.FrameworkScopes.Scope scope = scopes.of(org);
        String shown = framework != null && catalogue.framework(framework).isPresent() ? framework : AuditManagement.DEFAULT_FRAMEWORK;
        model.addAttribute("coverage", audits.coverage(org, shown, end));
        model.addAttribute("frameworksInScope", scope.frameworks());
        model.addAttribute("framework", shown);
        model.addAttribute("frameworkNames", catalogue.shortNames());
        model.addAttribute("year", end);
        model.addAttribute("gapsOnly", gaps);
        return "audit/coverage";
    }

    @PostMapping("/audits/exclusions")
    @PreAuthorize(Access.CONFIGURE)
    String exclude(@RequestParam(required = false) String requirement, @RequestParam int year,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "false") boolean gaps,
            @RequestParam(required = false) String framework, RedirectAttributes redirect) {
        try {
            audits.exclude(CurrentTenant.require(), requirement == null ? "" : requirement, year, reason);
            redirect.addFlashAttribute("success", requirement.substring(requirement.indexOf(':') + 1) + " is left out of this cycle's audits.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/audits/coverage?year=" + year + (gaps ? "&gaps=true" : "") + frameworkParameter(framework);
    }

    @PostMapping("/audits/exclusions/{exclusionId}/delete")
    @PreAuthorize(Access.CONFIGURE)
    String withdraw(@PathVariable UUID exclusionId, @RequestParam int year, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String framework, RedirectAttributes redirect) {
        try {
            audits.withdrawExclusion(CurrentTenant.require(), exclusionId, version);
            redirect.addFlashAttribute("success", "The exclusion is withdrawn.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/audits/coverage?year=" + year + frameworkParameter(framework);
    }

    /** The coverage page's framework, when it is one the catalogue knows (never echoed otherwise). */
    private String frameworkParameter(String framework) {
        return framework != null && catalogue.framework(framework).isPresent() ? "&framework=" + framework : "";
    }

    /** Back to the checklist line, with the refusal beside it. */
    private static String lineRefused(UUID id, UUID lineId, Refused refused, RedirectAttributes redirect) {
        Forms.rethrowNotFound(refused);
        redirect.addFlashAttribute("lineError", refused.getMessage());
        redirect.addFlashAttribute("lineId", lineId);
        return "redirect:/audits/" + id + "#line-" + lineId;
    }

    /** Another organisation's or an unknown record is a 404 page, never a message on this one. */

    private String step(UUID id, RedirectAttributes redirect, String anchor, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("stepError", refused.getMessage());
            redirect.addFlashAttribute("stepErrors", java.util.List.copyOf(refused.fieldErrors().values()));
            return "redirect:/audits/" + id;
        }
        return "redirect:/audits/" + id + anchor;
    }

}
