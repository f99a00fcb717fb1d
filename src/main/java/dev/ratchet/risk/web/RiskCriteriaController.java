package dev.ratchet.risk.web;

import java.util.UUID;

import dev.ratchet.risk.AcceptedBy;
import dev.ratchet.risk.RiskCriteriaForm;
import dev.ratchet.risk.RiskCriteriaManagement;
import dev.ratchet.risk.RiskCriteriaView;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

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

/** The risk criteria: the version in force, the draft the ISMS manager edits, top management's approval, past versions. */
@Controller
class RiskCriteriaController {

    /** Rows the page offers: five points per scale, six levels; blank rows at the end are dropped. */
    private static final int SCALE_ROWS = 5;
    private static final int LEVEL_ROWS = 6;

    private final RiskCriteriaManagement criteria;

    RiskCriteriaController(RiskCriteriaManagement criteria) {
        this.criteria = criteria;
    }

    @GetMapping("/risks/criteria")
    @PreAuthorize(Access.REPORT)
    String page(Model model) {
        Tenant tenant = CurrentTenant.require();
        UUID org = tenant.organisationId();
        RiskCriteriaView draft = criteria.draft(org).orElse(null);
        model.addAttribute("inForce", criteria.inForce(org).orElse(null));
        model.addAttribute("draft", draft);
        model.addAttribute("versions", criteria.versions(org));
        if (draft != null && !model.containsAttribute("criteriaForm")) {
            model.addAttribute("criteriaForm", padded(RiskCriteriaManagement.form(draft)));
        }
        else if (model.containsAttribute("criteriaForm")) {
            padded((RiskCriteriaForm) model.getAttribute("criteriaForm"));
        }
        model.addAttribute("acceptors", AcceptedBy.values());
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        model.addAttribute("approver", tenant.hasAnyRole("MANAGEMENT"));
        return "risk/criteria";
    }

    @GetMapping("/risks/criteria/{id}")
    @PreAuthorize(Access.REPORT)
    String version(@PathVariable UUID id, Model model) {
        model.addAttribute("c", criteria.get(CurrentTenant.require().organisationId(), id));
        return "risk/criteria-version";
    }

    @PostMapping("/risks/criteria")
    @PreAuthorize(Access.CONFIGURE)
    String save(@Valid @ModelAttribute("criteriaForm") RiskCriteriaForm form, BindingResult result, RedirectAttributes redirect) {
        return Forms.submitted("/risks/criteria", "criteriaForm", form, result, redirect, "", "#draft", () -> {
            RiskCriteriaView saved = criteria.saveDraft(CurrentTenant.require(), form);
            return "Draft version " + saved.number() + " is saved. Top management approves it to put it in force.";
        });
    }

    @PostMapping("/risks/criteria/new-version")
    @PreAuthorize(Access.CONFIGURE)
    String newVersion(RedirectAttributes redirect) {
        return Forms.acted("/risks/criteria#draft", redirect, () -> "Draft version " + criteria.newVersion(CurrentTenant.require()).number()
                + " starts as a copy of the version in force. Change it, then ask top management to approve it.");
    }

    @PostMapping("/risks/criteria/approval")
    @PreAuthorize(Access.APPROVE)
    String approve(@RequestParam(required = false) Long version, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.acted("/risks/criteria", redirect, () -> {
            RiskCriteriaView approved = criteria.approve(CurrentTenant.require(), version, note);
            return "Version " + approved.number() + " of the risk criteria is approved and in force. Risks are assessed against it from now on.";
        });
    }

    /** Adds the spare rows the page shows, so that a scale can grow to five points and the levels to six. */
    private static RiskCriteriaForm padded(RiskCriteriaForm form) {
        while (form.getLikelihoods().size() < SCALE_ROWS) {
            form.getLikelihoods().add(new RiskCriteriaForm.Point());
        }
        while (form.getImpacts().size() < SCALE_ROWS) {
            form.getImpacts().add(new RiskCriteriaForm.Point());
        }
        while (form.getLevels().size() < LEVEL_ROWS) {
            form.getLevels().add(new RiskCriteriaForm.Level());
        }
        while (form.getMatrix().size() < SCALE_ROWS) {
            form.getMatrix().add(new java.util.ArrayList<>());
        }
        for (java.util.List<Integer> row : form.getMatrix()) {
            while (row.size() < SCALE_ROWS) {
                row.add(null);
            }
        }
        return form;
    }
}
