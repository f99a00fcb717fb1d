package dev.ratchet.identity.web;

import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.TenantFilter;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationSettings;
import dev.ratchet.organisation.Sector;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Switching between the organisations a person belongs to, and starting a new one. */
@Controller
class OrganisationController {

    private final IdentityManagement identity;
    private final dev.ratchet.identity.SingleSignOn singleSignOn;

    OrganisationController(IdentityManagement identity, dev.ratchet.identity.SingleSignOn singleSignOn) {
        this.identity = identity;
        this.singleSignOn = singleSignOn;
    }

    @PostMapping("/organisations/switch")
    @PreAuthorize(Access.SIGNED_IN)
    String switchTo(@AuthenticationPrincipal RatchetPrincipal principal, @RequestParam UUID organisationId,
            HttpSession session, RedirectAttributes redirect) {
        OrganisationDetails target = singleSignOn.organisationsFor(principal).stream()
                .filter(o -> o.id().equals(organisationId)).findFirst()
                .orElseThrow(() -> Refused.notFound("Organisation"));
        session.setAttribute(TenantFilter.SESSION_ORGANISATION, target.id());
        redirect.addFlashAttribute("success", "You are now working in " + target.name() + ".");
        return "redirect:/";
    }

    @GetMapping("/organisations/new")
    @PreAuthorize(Access.ADMIN)
    String form(@ModelAttribute("settings") OrganisationSettings settings, Model model) {
        model.addAttribute("sectors", Sector.values());
        return "identity/organisation-new";
    }

    @PostMapping("/organisations")
    @PreAuthorize(Access.ADMIN)
    String create(@AuthenticationPrincipal RatchetPrincipal principal,
            @Valid @ModelAttribute("settings") OrganisationSettings settings, BindingResult result, Model model,
            HttpSession session, RedirectAttributes redirect) {
        model.addAttribute("sectors", Sector.values());
        if (result.hasErrors()) {
            return "identity/organisation-new";
        }
        try {
            OrganisationDetails created = identity.createOrganisation(principal.userId(), settings);
            session.setAttribute(TenantFilter.SESSION_ORGANISATION, created.id());
            redirect.addFlashAttribute("success", created.name() + " is created and you are working in it now.");
            return "redirect:/settings";
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return "identity/organisation-new";
        }
    }
}
