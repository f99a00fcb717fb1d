package dev.ratchet.dashboard.web;

import java.util.Set;

import dev.ratchet.dashboard.Dashboard;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the dashboard for those who run and oversee the ISMS; someone who only owns actions starts on them. */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    @PreAuthorize(Access.SIGNED_IN)
    String home(Model model) {
        Tenant tenant = CurrentTenant.get().orElse(null);
        if (tenant != null && tenant.roles().equals(Set.of("CONTRIBUTOR"))) {
            return "redirect:/actions/mine";
        }
        if (tenant != null) {
            model.addAttribute("d", dashboard.of(tenant.organisationId()));
        }
        return "dashboard/home";
    }
}
