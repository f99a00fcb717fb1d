package dev.ratchet.obligation.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.ratchet.obligation.ObligationColumns;
import dev.ratchet.improvement.Kind;
import dev.ratchet.obligation.AmendmentForm;
import dev.ratchet.obligation.ObligationForm;
import dev.ratchet.obligation.ObligationManagement;
import dev.ratchet.obligation.ObligationReviewForm;
import dev.ratchet.obligation.ObligationSummary;
import dev.ratchet.obligation.ObligationType;
import dev.ratchet.obligation.ObligationView;
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
class ObligationController {

    static final List<Column<ObligationSummary>> COLUMNS = ObligationColumns.COLUMNS;

    private final ObligationManagement obligations;
    private final OrganisationManagement organisations;
    private final People people;

    private final dev.ratchet.catalogue.FrameworkScopes scopes;

    ObligationController(ObligationManagement obligations, OrganisationManagement organisations, People people,
            dev.ratchet.catalogue.FrameworkScopes scopes) {
        this.scopes = scopes;
        this.obligations = obligations;
        this.organisations = organisations;
        this.people = people;
    }

    @GetMapping("/obligations")
    @PreAuthorize(Access.MEMBER)
    String register(@RequestParam(required = false) ObligationType type, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) Boolean due, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        model.addAttribute("obligations", obligations.search(org, type, ownerId, due, q,
                PageRequest.of(Math.max(page, 0), 50, Sort.by("nextReviewDate", "reference"))));
        model.addAttribute("type", type);
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("due", due);
        model.addAttribute("q", q);
        model.addAttribute("types", ObligationType.values());
        model.addAttribute("people", people.assignableIn(org));
        model.addAttribute("frameworksInScope", scopes.of(org).frameworks().stream()
                .filter(f -> !f.id().equals(dev.ratchet.catalogue.CatalogueManagement.PRIMARY)).toList());
        return "obligation/register";
    }

    @PostMapping("/obligations/from-framework")
    @PreAuthorize(Access.CONFIGURE)
    String fromFramework(@RequestParam(required = false) String framework, RedirectAttributes redirect) {
        return Forms.acted("/obligations", redirect, () -> {
            List<ObligationView> created = obligations.fromFramework(CurrentTenant.require(), framework);
            return created.isEmpty() ? "Every obligation this framework brings is already in the register."
                    : created.size() + (created.size() == 1 ? " obligation" : " obligations") + " added: "
                            + String.join(", ", created.stream().map(ObligationView::reference).toList())
                            + ". Each is yours to review: say how it applies and who owns it.";
        });
    }

    @GetMapping({"/obligations/export.csv", "/obligations/export.xlsx"})
    @PreAuthorize(Access.MEMBER)
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID org = CurrentTenant.require().organisationId();
        TableExport.respond(request, response, "obligations", "Obligations", COLUMNS,
                TableExport.allPages(page -> obligations.search(org, null, null, null, null, page), Sort.by("reference")));
    }

    @GetMapping("/obligations/new")
    @PreAuthorize(Access.CONFIGURE)
    String newObligation(@ModelAttribute("obligation") ObligationForm obligation, Model model) {
        if (obligation.getNextReviewDate() == null) {
            obligation.setNextReviewDate(obligations.today(CurrentTenant.require().organisationId()).plusYears(1));
        }
        return form(model, null);
    }

    @PostMapping("/obligations")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("obligation") ObligationForm obligation, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ObligationView created = obligations.record(CurrentTenant.require(), obligation);
                redirect.addFlashAttribute("success", created.reference() + " is in the register."
                        + (created.reviewAction() == null ? " Name an owner so that its reviews are reminded." : " Its owner is reminded before the review."));
                return "redirect:/obligations/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return form(model, null);
    }

    @GetMapping("/obligations/{id}/edit")
    @PreAuthorize(Access.CONFIGURE)
    String edit(@PathVariable UUID id, Model model) {
        ObligationView o = obligations.get(CurrentTenant.require().organisationId(), id);
        ObligationForm form = new ObligationForm();
        form.setName(o.name());
        form.setType(o.type());
        form.setJurisdiction(o.jurisdiction());
        form.setSource(o.source());
        form.setHowItApplies(o.howItApplies());
        form.setOwnerId(o.ownerId());
        form.setNextReviewDate(o.nextReviewDate());
        form.setRequirements(new java.util.ArrayList<>(o.requirements()));
        form.setVersion(o.version());
        model.addAttribute("obligation", form);
        return form(model, o);
    }

    @PostMapping("/obligations/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("obligation") ObligationForm obligation, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                obligations.update(CurrentTenant.require(), id, obligation);
                redirect.addFlashAttribute("success", "Saved.");
                return "redirect:/obligations/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return form(model, obligations.get(CurrentTenant.require().organisationId(), id));
    }

    private String form(Model model, ObligationView existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("types", ObligationType.values());
        model.addAttribute("people", people.assignableIn(CurrentTenant.require().organisationId()));
        return "obligation/form";
    }

    @GetMapping("/obligations/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        ObligationView o = obligations.get(tenant.organisationId(), id);
        model.addAttribute("o", o);
        if (!model.containsAttribute("review")) {
            ObligationReviewForm review = new ObligationReviewForm();
            review.setNextReviewDate(obligations.today(tenant.organisationId()).plusYears(1));
            review.setVersion(o.version());
            model.addAttribute("review", review);
        }
        if (!model.containsAttribute("amendment")) {
            AmendmentForm amendment = new AmendmentForm();
            amendment.setEffectiveDate(obligations.today(tenant.organisationId()));
            model.addAttribute("amendment", amendment);
        }
        model.addAttribute("keeper", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") || tenant.userId().equals(o.ownerId()));
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        return "obligation/obligation";
    }

    @PostMapping("/obligations/{id}/reviews")
    @PreAuthorize(Access.REPORT)
    String review(@PathVariable UUID id, @Valid @ModelAttribute("review") ObligationReviewForm review, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                obligations.review(CurrentTenant.require(), id, review);
                redirect.addFlashAttribute("success", "The review is recorded; the next one is reminded.");
                return "redirect:/obligations/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.review", result);
        redirect.addFlashAttribute("review", review);
        return "redirect:/obligations/" + id + "#review";
    }

    @PostMapping("/obligations/{id}/changes")
    @PreAuthorize(Access.REPORT)
    String amend(@PathVariable UUID id, @Valid @ModelAttribute("amendment") AmendmentForm amendment, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                obligations.amend(CurrentTenant.require(), id, amendment);
                redirect.addFlashAttribute("success", "The change is recorded. Raise an improvement if the ISMS must change with it.");
                return "redirect:/obligations/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.amendment", result);
        redirect.addFlashAttribute("amendment", amendment);
        return "redirect:/obligations/" + id + "#amend";
    }

}
