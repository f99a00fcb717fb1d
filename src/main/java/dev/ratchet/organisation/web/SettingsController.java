package dev.ratchet.organisation.web;

import java.time.ZoneId;
import java.util.List;

import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.organisation.Sector;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How the ISMS of the current organisation runs: scope, cadence, waiting periods, reminders. */
@Controller
class SettingsController {

    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private final OrganisationManagement organisations;

    SettingsController(OrganisationManagement organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/settings")
    @PreAuthorize(Access.MEMBER)
    String show(Model model) {
        model.addAttribute("settings", organisations.settingsOf(CurrentTenant.require().organisationId()));
        return page(model);
    }

    @PostMapping("/settings")
    @PreAuthorize(Access.CONFIGURE)
    String save(@Valid @ModelAttribute("settings") OrganisationSettings settings, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model);
        }
        try {
            organisations.updateSettings(CurrentTenant.require().organisationId(), settings);
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            Forms.reject(result, refused);
            return page(model);
        }
        redirect.addFlashAttribute("success", "Settings saved.");
        return "redirect:/settings";
    }

    private static String page(Model model) {
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("timeZones", TIME_ZONES);
        return "organisation/settings";
    }
}
