package dev.ratchet.identity.web;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.Invitations;
import dev.ratchet.identity.PasswordPolicy;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.TenantFilter;
import dev.ratchet.shared.Refused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link of an invitation, for someone not signed in: whom it invites where, and the form to choose a name and
 * password (or, for someone who has an account already, to join with it). Used, expired or withdrawn links say so and
 * what to do.
 */
@Controller
class JoinController {

    private final Invitations invitations;
    private final IdentityManagement identity;
    private final dev.ratchet.identity.SingleSignOn singleSignOn;

    JoinController(Invitations invitations, IdentityManagement identity, dev.ratchet.identity.SingleSignOn singleSignOn) {
        this.invitations = invitations;
        this.identity = identity;
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/join/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(token, model, response, null);
    }

    @PostMapping("/join/{token}")
    String join(@PathVariable String token, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Invitations.Joined joined;
        try {
            joined = invitations.accept(token, displayName, password, confirmation);
        }
        catch (Refused refused) {
            model.addAttribute("displayName", displayName);
            return page(token, model, response, refused);
        }
        if (!joined.newAccount()) {
            redirect.addFlashAttribute("joined", joined.organisationName());
            return "redirect:/login?joined";
        }
        // The link proved the address and the person chose the password just now: they are signed in, in the organisation.
        RatchetPrincipal principal = identity.refreshedPrincipal(joined.userId());
        dev.ratchet.identity.SignedIn.store(request, response, principal);
        request.getSession().setAttribute(TenantFilter.SESSION_ORGANISATION, joined.organisationId());
        redirect.addFlashAttribute("success", "Welcome to " + joined.organisationName() + ". You are signed in.");
        return "redirect:/";
    }

    private String page(String token, Model model, HttpServletResponse response, Refused refused) {
        model.addAttribute("token", token);
        var opened = invitations.open(token);
        if (opened.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "This invitation link is not known. Check that the whole link was copied from the "
                    + "message, or ask the administrator who invited you to send it again.");
            return "identity/join";
        }
        model.addAttribute("invitation", opened.get());
        // Where the organisation signs in through its own provider, the invitation is taken up by signing in there.
        singleSignOn.providerFor(opened.get().email()).filter(p -> p.organisationId().equals(opened.get().organisationId()))
                .ifPresent(p -> model.addAttribute("provider", p));
        model.addAttribute("minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH);
        if (opened.get().problem() != null && refused == null) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", opened.get().problem());
        }
        else if (refused != null) {
            if (refused.fieldErrors().isEmpty()) {
                response.setStatus(opened.get().problem() != null ? HttpStatus.GONE.value() : HttpStatus.CONFLICT.value());
                model.addAttribute("problem", refused.getMessage());
            }
            else {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("fieldErrors", refused.fieldErrors());
            }
        }
        if (!model.containsAttribute("displayName")) {
            model.addAttribute("displayName", opened.get().displayName());
        }
        return "identity/join";
    }
}
