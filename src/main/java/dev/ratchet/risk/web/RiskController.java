package dev.ratchet.risk.web;

import java.io.IOException;
import java.util.UUID;

import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.risk.AcceptanceForm;
import dev.ratchet.risk.AssessmentForm;
import dev.ratchet.risk.AssessmentReason;
import dev.ratchet.risk.CloseForm;
import dev.ratchet.risk.ConcernForm;
import dev.ratchet.risk.NewRiskForm;
import dev.ratchet.risk.RiskColumns;
import dev.ratchet.risk.RiskCriteriaManagement;
import dev.ratchet.risk.RiskCriteriaView;
import dev.ratchet.risk.RiskFilter;
import dev.ratchet.risk.RiskForm;
import dev.ratchet.risk.RiskManagement;
import dev.ratchet.risk.RiskStatus;
import dev.ratchet.risk.RiskView;
import dev.ratchet.risk.Treatment;
import dev.ratchet.risk.TreatmentForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.TableExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

/** The risk register, a risk's page and its forms. Guests read the treatment plan document only, not the register. */
@Controller
class RiskController {

    private final RiskManagement risks;
    private final RiskCriteriaManagement criteria;
    private final OrganisationManagement organisations;
    private final People people;

    RiskController(RiskManagement risks, RiskCriteriaManagement criteria, OrganisationManagement organisations, People people) {
        this.risks = risks;
        this.criteria = criteria;
        this.organisations = organisations;
        this.people = people;
    }

    @GetMapping("/risks")
    @PreAuthorize(Access.REPORT)
    String register(@RequestParam(required = false) RiskStatus status, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String category, @RequestParam(required = false) Integer level,
            @RequestParam(required = false) Integer likelihood, @RequestParam(required = false) Integer impact,
            @RequestParam(defaultValue = "false") boolean inherent, @RequestParam(required = false) Treatment treatment,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean above,
            @RequestParam(required = false) String requirement, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        RiskFilter filter = new RiskFilter(status, ownerId, category, level, likelihood, impact, inherent, treatment, overdue, above,
                requirement, q);
        model.addAttribute("risks", risks.search(org, filter, PageRequest.of(Math.max(page, 0), 50, order(sort))));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        if (htmx != null) {
            return "risk/register :: results";
        }
        RiskCriteriaView inForce = criteria.inForce(org).orElse(null);
        model.addAttribute("criteria", inForce);
        model.addAttribute("currentMap", risks.heatMap(org, false).orElse(null));
        model.addAttribute("inherentMap", risks.heatMap(org, true).orElse(null));
        model.addAttribute("statuses", RiskStatus.values());
        model.addAttribute("treatments", Treatment.values());
        model.addAttribute("categories", risks.categories(org));
        model.addAttribute("people", people.assignableIn(org));
        return "risk/register";
    }

    /** The page's sort choice; an unknown one (an old bookmark) falls back to the default order. */
    private static Sort order(String sort) {
        try {
            return RiskFilter.order(sort);
        }
        catch (Refused unknown) {
            return RiskFilter.order(null);
        }
    }

    @GetMapping({"/risks/export.csv", "/risks/export.xlsx"})
    @PreAuthorize(Access.REPORT)
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID org = CurrentTenant.require().organisationId();
        TableExport.respond(request, response, "risks", "Risks", RiskColumns.COLUMNS,
                TableExport.allPages(p -> risks.search(org, RiskFilter.none(), p), Sort.by("reference")));
    }

    @GetMapping("/risks/new")
    @PreAuthorize(Access.CONFIGURE)
    String newRisk(@ModelAttribute("risk") NewRiskForm risk, Model model, RedirectAttributes redirect) {
        UUID org = CurrentTenant.require().organisationId();
        if (criteria.inForce(org).isEmpty()) {
            redirect.addFlashAttribute("error", "Approve the risk criteria first: risks are assessed against them.");
            return "redirect:/risks/criteria";
        }
        return form(model, null);
    }

    @PostMapping("/risks")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("risk") NewRiskForm risk, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                RiskView created = risks.record(CurrentTenant.require(), risk);
                redirect.addFlashAttribute("success", created.reference() + " is in the register at " + created.current().level().name()
                        + ". Plan its treatment or accept it below.");
                return "redirect:/risks/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, null);
    }

    @GetMapping("/risks/{id}/edit")
    @PreAuthorize(Access.CONFIGURE)
    String edit(@PathVariable UUID id, Model model) {
        RiskView r = risks.get(CurrentTenant.require().organisationId(), id);
        RiskForm form = new RiskForm();
        form.setTitle(r.title());
        form.setThreat(r.threat());
        form.setVulnerability(r.vulnerability());
        form.setConsequence(r.consequence());
        form.setAssets(r.assets());
        form.setAreaId(r.areaId());
        form.setOwnerId(r.ownerId());
        form.setCategory(r.category());
        form.setRequirements(new java.util.ArrayList<>(r.requirements()));
        form.setExistingControls(r.existingControls());
        form.setTreatment(r.treatment());
        form.setVersion(r.version());
        model.addAttribute("risk", form);
        return form(model, r);
    }

    @PostMapping("/risks/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("risk") RiskForm risk, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Tenant tenant = CurrentTenant.require();
                boolean wasAccepted = risks.get(tenant.organisationId(), id).acceptance() != null;
                RiskView saved = risks.update(tenant, id, risk);
                redirect.addFlashAttribute("success", "Saved." + (wasAccepted && saved.acceptance() == null
                        ? " The acceptance in force is withdrawn because the owner or the treatment changed." : ""));
                return "redirect:/risks/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return form(model, risks.get(CurrentTenant.require().organisationId(), id));
    }

    private String form(Model model, RiskView existing) {
        UUID org = CurrentTenant.require().organisationId();
        model.addAttribute("existing", existing);
        model.addAttribute("criteria", criteria.inForce(org).orElse(null));
        model.addAttribute("treatments", Treatment.values());
        model.addAttribute("categories", risks.categories(org));
        model.addAttribute("people", people.assignableIn(org));
        model.addAttribute("areas", organisations.allAreas(org));
        return "risk/form";
    }

    @GetMapping("/risks/{id}")
    @PreAuthorize(Access.REPORT)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        UUID org = tenant.organisationId();
        RiskView r = risks.get(org, id);
        model.addAttribute("r", r);
        model.addAttribute("criteria", criteria.inForce(org).orElse(null));
        boolean keeper = tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") || tenant.userId().equals(r.ownerId());
        model.addAttribute("keeper", keeper);
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        model.addAttribute("mayAccept", r.status() != RiskStatus.CLOSED && r.criteriaInForce() && switch (r.acceptableBy()) {
            case NOBODY -> false;
            case TOP_MANAGEMENT -> tenant.hasAnyRole("MANAGEMENT");
            case RISK_OWNER -> tenant.userId().equals(r.ownerId()) || tenant.hasAnyRole("MANAGEMENT");
        });
        model.addAttribute("mayWithdraw", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER", "MANAGEMENT") || tenant.userId().equals(r.ownerId()));
        if (!model.containsAttribute("assessment")) {
            AssessmentForm assessment = new AssessmentForm();
            assessment.setInherentLikelihood(r.inherent().likelihood());
            assessment.setInherentImpact(r.inherent().impact());
            assessment.setCurrentLikelihood(r.current().likelihood());
            assessment.setCurrentImpact(r.current().impact());
            assessment.setTargetLevel(r.target().name());
            assessment.setVersion(r.version());
            model.addAttribute("assessment", assessment);
        }
        if (!model.containsAttribute("acceptance")) {
            AcceptanceForm acceptance = new AcceptanceForm();
            acceptance.setExpiresOn(risks.today(org).plusYears(1));
            acceptance.setVersion(r.version());
            model.addAttribute("acceptance", acceptance);
        }
        if (!model.containsAttribute("treatment")) {
            TreatmentForm treatment = new TreatmentForm();
            treatment.setOwnerId(r.ownerId());
            treatment.setDueDate(risks.today(org).plusMonths(1));
            model.addAttribute("treatment", treatment);
        }
        if (!model.containsAttribute("concern")) {
            model.addAttribute("concern", new ConcernForm());
        }
        if (!model.containsAttribute("closing")) {
            CloseForm closing = new CloseForm();
            closing.setVersion(r.version());
            model.addAttribute("closing", closing);
        }
        model.addAttribute("reasons", AssessmentReason.values());
        model.addAttribute("today", risks.today(org));
        model.addAttribute("people", people.assignableIn(org));
        return "risk/risk";
    }

    @PostMapping("/risks/{id}/assessments")
    @PreAuthorize(Access.REPORT)
    String assess(@PathVariable UUID id, @Valid @ModelAttribute("assessment") AssessmentForm assessment, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/risks/" + id, "assessment", assessment, result, redirect, "", "#assess", () -> {
            Tenant tenant = CurrentTenant.require();
            boolean wasAccepted = risks.get(tenant.organisationId(), id).acceptance() != null;
            RiskView r = risks.assess(tenant, id, assessment);
            return "The assessment is recorded: " + r.current().level().name() + " now, " + r.target().name() + " aimed for."
                    + (wasAccepted && r.acceptance() == null ? " The acceptance in force is withdrawn because the level changed." : "");
        });
    }

    @PostMapping("/risks/{id}/acceptances")
    @PreAuthorize(Access.REPORT)
    String accept(@PathVariable UUID id, @Valid @ModelAttribute("acceptance") AcceptanceForm acceptance, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/risks/" + id, "acceptance", acceptance, result, redirect, "", "#accept", () -> {
            RiskView r = risks.accept(CurrentTenant.require(), id, acceptance);
            return "The residual risk is accepted until " + dev.ratchet.shared.Dates.DAY.format(r.acceptance().expiresOn())
                    + ". Its owner is reminded before then.";
        });
    }

    @PostMapping("/risks/{id}/acceptance/withdrawal")
    @PreAuthorize(Access.REPORT)
    String withdraw(@PathVariable UUID id, @Valid @ModelAttribute("closing") CloseForm closing, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/risks/" + id, "closing", closing, result, redirect, "", "#withdraw", () -> {
            risks.withdrawAcceptance(CurrentTenant.require(), id, closing);
            return "The acceptance is withdrawn: the risk is open again.";
        });
    }

    @PostMapping("/risks/{id}/treatment-actions")
    @PreAuthorize(Access.REPORT)
    String treat(@PathVariable UUID id, @Valid @ModelAttribute("treatment") TreatmentForm treatment, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/risks/" + id, "treatment", treatment, result, redirect, "#plan", "#treat", () -> {
            risks.planTreatment(CurrentTenant.require(), id, treatment);
            return "The treatment action is planned; its owner is told and reminded.";
        });
    }

    @PostMapping("/risks/{id}/concerns")
    @PreAuthorize(Access.REPORT)
    String concern(@PathVariable UUID id, @Valid @ModelAttribute("concern") ConcernForm concern, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/risks/" + id, "concern", concern, result, redirect, "#concerns", "#concern", () -> {
            RiskView r = risks.concern(CurrentTenant.require(), id, concern);
            return "Linked. " + r.ownerName() + " is asked to re-assess " + r.reference() + ".";
        });
    }

    /** The panel of a loop record's page: the risks it concerns, and a form to name another (htmx, after the page). */
    @GetMapping("/risks/concerning")
    @PreAuthorize(Access.REPORT)
    String concerning(@RequestParam UUID recordId, @RequestParam String reference, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        var linked = risks.concerning(org, recordId);
        java.util.Set<UUID> already = new java.util.HashSet<>(linked.stream().map(dev.ratchet.risk.RiskSummary::id).toList());
        model.addAttribute("linked", linked);
        model.addAttribute("reference", reference);
        model.addAttribute("choices", risks.search(org, new RiskFilter(RiskStatus.OPEN, null, null, null, null, null, false, null, null, null,
                null, null), PageRequest.of(0, 200, Sort.by("reference"))).getContent().stream().filter(r -> !already.contains(r.id())).toList());
        return "risk/concerning :: panel";
    }

    /** Names a risk from the page of the record that concerns it; the risk's owner is asked to re-assess it. */
    @PostMapping("/risks/concerns")
    @PreAuthorize(Access.REPORT)
    String concernFromRecord(@RequestParam UUID riskId, @Valid @ModelAttribute("concern") ConcernForm concern, BindingResult result,
            RedirectAttributes redirect) {
        return concern(riskId, concern, result, redirect);
    }

    @PostMapping("/risks/{id}/closure")
    @PreAuthorize(Access.CONFIGURE)
    String close(@PathVariable UUID id, @Valid @ModelAttribute("closing") CloseForm closing, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/risks/" + id, "closing", closing, result, redirect, "", "#close", () -> {
            risks.close(CurrentTenant.require(), id, closing);
            return "The risk is closed. It stays in the register with its history.";
        });
    }

    @PostMapping("/risks/{id}/reopening")
    @PreAuthorize(Access.CONFIGURE)
    String reopen(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return Forms.acted("/risks/" + id, redirect, () -> {
            risks.reopen(CurrentTenant.require(), id, version);
            return "The risk is open again: re-assess it.";
        });
    }
}
