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

    /** The logo on every document's first page: set or replaced by the administrator and the ISMS manager. */
    @PostMapping("/settings/logo")
    @PreAuthorize(Access.CONFIGURE)
    String setLogo(@org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) throws java.io.IOException {
        var tenant = CurrentTenant.require();
        try {
            var logo = organisations.setLogo(tenant.organisationId(), tenant.userId(), file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("success", "\"" + logo.fileName() + "\" is the logo on the first page of every document from now on.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("logoError", refused.getMessage());
        }
        return "redirect:/settings#logo";
    }

    @PostMapping("/settings/logo/removal")
    @PreAuthorize(Access.CONFIGURE)
    String removeLogo(RedirectAttributes redirect) {
        organisations.removeLogo(CurrentTenant.require().organisationId());
        redirect.addFlashAttribute("success", "The logo is removed: documents are printed without one.");
        return "redirect:/settings#logo";
    }

    /** The logo itself, for the settings page's preview. */
    @GetMapping("/settings/logo")
    @PreAuthorize(Access.MEMBER)
    org.springframework.http.ResponseEntity<byte[]> logo() {
        return organisations.logo(CurrentTenant.require().organisationId()).map(dev.ratchet.organisation.Logo::response)
                .orElseThrow(() -> Refused.notFound("Logo"));
    }

    private String page(Model model) {
        model.addAttribute("logo", organisations.logo(CurrentTenant.require().organisationId()).map(dev.ratchet.organisation.Logo::view).orElse(null));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("timeZones", TIME_ZONES);
        return "organisation/settings";
    }
}
