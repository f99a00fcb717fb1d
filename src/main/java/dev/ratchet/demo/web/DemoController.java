package dev.ratchet.demo.web;

import java.util.UUID;

import dev.ratchet.demo.DemoOrganisation;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.SetupForm;
import dev.ratchet.identity.TenantFilter;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Explore with a demo organisation": on the first visit instead of the set-up, or later beside one's organisations. */
@Controller
class DemoController {

    private final DemoOrganisation demo;
    private final IdentityManagement identity;

    DemoController(DemoOrganisation demo, IdentityManagement identity) {
        this.demo = demo;
        this.identity = identity;
    }

    @GetMapping("/setup/demo")
    String form(@ModelAttribute("setup") SetupForm form) {
        form.setOrganisationName(DemoOrganisation.NAME);
        return identity.setupNeeded() ? "demo/start" : "redirect:/login";
    }

    @PostMapping("/setup/demo")
    String start(@Valid @ModelAttribute("setup") SetupForm form, BindingResult result, RedirectAttributes redirect) {
        if (!identity.setupNeeded()) {
            return "redirect:/login";
        }
        if (result.hasErrors()) {
            return "demo/start";
        }
        try {
            demo.startInstallation(form);
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return "demo/start";
        }
        redirect.addFlashAttribute("success", DemoOrganisation.NAME + " is ready, with 18 months of history. Sign in with the "
                + "e-mail address and password you just chose.");
        return "redirect:/login";
    }

    @PostMapping("/organisations/demo")
    @PreAuthorize(Access.ADMIN)
    String add(@AuthenticationPrincipal RatchetPrincipal principal, HttpSession session, RedirectAttributes redirect) {
        UUID organisationId = demo.addFor(principal.userId());
        session.setAttribute(TenantFilter.SESSION_ORGANISATION, organisationId);
        redirect.addFlashAttribute("success", "You are now in " + DemoOrganisation.NAME + ", the demo organisation, as its ISMS "
                + "manager. Your own organisation is unchanged: switch back with the organisation list in the top bar.");
        return "redirect:/";
    }
}
