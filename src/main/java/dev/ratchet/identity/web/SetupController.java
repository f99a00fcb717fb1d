package dev.ratchet.identity.web;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.SetupForm;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The first visit: no account exists yet, so the visitor creates the first administrator and organisation. */
@Controller
class SetupController {

    private final IdentityManagement identity;

    SetupController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/setup")
    String form(@ModelAttribute("setup") SetupForm setup) {
        return identity.setupNeeded() ? "identity/setup" : "redirect:/login";
    }

    @PostMapping("/setup")
    String setUp(@Valid @ModelAttribute("setup") SetupForm setup, BindingResult result, RedirectAttributes redirect) {
        if (!identity.setupNeeded()) {
            return "redirect:/login";
        }
        if (result.hasErrors()) {
            return "identity/setup";
        }
        try {
            identity.setUp(setup);
        }
        catch (Refused refused) {
            Forms.reject(result, refused);
            return "identity/setup";
        }
        redirect.addFlashAttribute("success", "Ratchet is ready. Sign in with the e-mail address and password you just chose.");
        return "redirect:/login";
    }
}
