package dev.ratchet.dashboard.web;

import java.util.Set;

import dev.ratchet.dashboard.Dashboard;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.WaitingSource;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the dashboard for those who run and oversee the ISMS; someone who only owns actions starts on them. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final java.util.List<WaitingSource> waiting;

    private final dev.ratchet.risk.RiskManagement risks;
    private final dev.ratchet.risk.TreatmentPlan plan;
    private final dev.ratchet.risk.RiskCriteriaManagement criteria;

    DashboardController(Dashboard dashboard, java.util.List<WaitingSource> waiting, dev.ratchet.risk.RiskManagement risks,
            dev.ratchet.risk.TreatmentPlan plan, dev.ratchet.risk.RiskCriteriaManagement criteria) {
        this.risks = risks;
        this.plan = plan;
        this.criteria = criteria;
        this.dashboard = dashboard;
        this.waiting = waiting;
    }

    @GetMapping("/")
    @PreAuthorize(Access.SIGNED_IN)
    String home(Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.get().orElse(null);
        if (tenant != null && tenant.roles().equals(Set.of("CONTRIBUTOR"))) {
            // A message meant for the start page (a welcome after joining) goes on to the contributor's start page.
            for (String message : java.util.List.of("success", "info")) {
                if (model.getAttribute(message) != null) {
                    redirect.addFlashAttribute(message, model.getAttribute(message));
                }
            }
            return "redirect:/actions/mine";
        }
        if (tenant != null) {
            model.addAttribute("d", dashboard.of(tenant.organisationId()));
            model.addAttribute("today", dashboard.today(tenant.organisationId()));
            model.addAttribute("waiting", WaitingSource.all(waiting, tenant, dashboard.today(tenant.organisationId())));
            if (!tenant.onlyGuest()) { // a guest auditor reads the approved treatment plan, not the register
                criteria.inForce(tenant.organisationId()).ifPresent(c -> {
                    model.addAttribute("riskLevels", c.levels().size());
                    risks.heatMap(tenant.organisationId(), false).filter(m -> m.total() > 0).ifPresent(m -> {
                        model.addAttribute("riskMap", m);
                        model.addAttribute("riskFigures", plan.figures(tenant.organisationId()));
                    });
                });
            }
        }
        return "dashboard/home";
    }
}
