package dev.ratchet.risk.web;

import java.util.UUID;

import dev.ratchet.risk.TreatmentPlan;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk treatment plan: its figures and documents as it stands, top management's approvals with the documents
 * frozen at each. A guest auditor sees the approved plans only.
 */
@Controller
class TreatmentPlanController {

    private final TreatmentPlan plan;

    TreatmentPlanController(TreatmentPlan plan) {
        this.plan = plan;
    }

    @GetMapping("/risks/treatment-plan")
    @PreAuthorize(Access.MEMBER)
    String page(Model model) {
        Tenant tenant = CurrentTenant.require();
        model.addAttribute("approvals", plan.approvals(tenant.organisationId()));
        model.addAttribute("guest", tenant.onlyGuest());
        if (!tenant.onlyGuest()) {
            model.addAttribute("figures", plan.figures(tenant.organisationId()));
        }
        model.addAttribute("approver", tenant.hasAnyRole("MANAGEMENT"));
        return "risk/treatment-plan";
    }

    @GetMapping({"/risks/treatment-plan/document.pdf", "/risks/treatment-plan/document.docx", "/risks/treatment-plan/document.xlsx"})
    @PreAuthorize(Access.REPORT)
    ResponseEntity<byte[]> current(HttpServletRequest request) {
        dev.ratchet.document.DocumentFormat format = dev.ratchet.document.DocumentFormat.of(request.getRequestURI());
        return format.download("risk-treatment-plan", plan.current(CurrentTenant.require().organisationId(), format));
    }

    @PostMapping("/risks/treatment-plan/approvals")
    @PreAuthorize(Access.APPROVE)
    String approve(@RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.acted("/risks/treatment-plan", redirect, () -> "Approval " + plan.approve(CurrentTenant.require(), note).number()
                + " of the risk treatment plan is recorded; its documents are kept as approved.");
    }

    @GetMapping({"/risks/treatment-plan/approvals/{id}/document.pdf", "/risks/treatment-plan/approvals/{id}/document.docx",
            "/risks/treatment-plan/approvals/{id}/document.xlsx"})
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> approved(@PathVariable UUID id, HttpServletRequest request) {
        dev.ratchet.document.DocumentFormat format = dev.ratchet.document.DocumentFormat.of(request.getRequestURI());
        UUID org = CurrentTenant.require().organisationId();
        int number = plan.approval(org, id).orElseThrow(() -> Refused.notFound("Approval of the treatment plan")).number();
        return format.download("risk-treatment-plan-approval-" + number,
                plan.approved(org, id, format).orElseThrow(() -> Refused.notFound("Approval of the treatment plan")));
    }
}
