package dev.ratchet.identity.web;

import java.time.Clock;
import java.util.UUID;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.SecondFactor;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.Refused;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: password, second factor and personal API tokens. */
@Controller
class AccountController {

    private static final String ENROLMENT = "ratchet.totp.enrolment";

    private final IdentityManagement identity;
    private final dev.ratchet.identity.Invitations invitations;
    private final dev.ratchet.identity.RecoveryCodes recoveryCodes;
    private final dev.ratchet.identity.Passkeys passkeys;
    private final Clock clock;
    private final String baseUrl;
    private final boolean baseUrlSet;

    AccountController(IdentityManagement identity, dev.ratchet.identity.Invitations invitations,
            dev.ratchet.identity.RecoveryCodes recoveryCodes, dev.ratchet.identity.Passkeys passkeys, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ratchet.base-url:http://localhost:8080}") String baseUrl,
            @org.springframework.beans.factory.annotation.Value("${ratchet.base-url:}") String configured) {
        this.identity = identity;
        this.invitations = invitations;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.baseUrlSet = !configured.isBlank();
    }

    @GetMapping("/account")
    @PreAuthorize(Access.SIGNED_IN)
    String account(@AuthenticationPrincipal RatchetPrincipal principal, HttpSession session, Model model) {
        model.addAttribute("tokens", identity.tokensOf(principal.userId()));
        model.addAttribute("hasSecondFactor", identity.hasSecondFactor(principal.userId()));
        model.addAttribute("passkeys", passkeys.of(principal.userId()));
        model.addAttribute("recoveryCodesLeft", recoveryCodes.remaining(principal.userId()));
        model.addAttribute("enrolment", session.getAttribute(ENROLMENT));
        model.addAttribute("now", clock.instant());
        model.addAttribute("hasCalendarFeed", identity.hasCalendarFeed(principal.userId()));
        // The links in e-mails and the calendar address start with the configured address; say so when there is none.
        model.addAttribute("baseUrl", baseUrl);
        model.addAttribute("baseUrlSet", baseUrlSet);
        model.addAttribute("wantsDigest", identity.wantsDigest(principal.userId()));
        model.addAttribute("invitations", invitations.of(principal.userId()));
        return "identity/account";
    }

    /** The person joins an organisation that invited them; it is theirs to choose from the organisation switcher. */
    @PostMapping("/account/invitations/{id}/accept")
    @PreAuthorize(Access.SIGNED_IN)
    String acceptInvitation(@AuthenticationPrincipal RatchetPrincipal principal, @org.springframework.web.bind.annotation.PathVariable java.util.UUID id,
            RedirectAttributes redirect) {
        IdentityManagement.Invitation joined = invitations.accept(principal.userId(), id);
        redirect.addFlashAttribute("success", "You are a member of " + joined.organisationName() + " now: switch to it from the menu.");
        return "redirect:/account#invitations";
    }

    @PostMapping("/account/invitations/{id}/decline")
    @PreAuthorize(Access.SIGNED_IN)
    String declineInvitation(@AuthenticationPrincipal RatchetPrincipal principal, @org.springframework.web.bind.annotation.PathVariable java.util.UUID id,
            RedirectAttributes redirect) {
        invitations.decline(principal.userId(), id);
        redirect.addFlashAttribute("success", "You declined the invitation: that organisation does not see your account.");
        return "redirect:/account#invitations";
    }

    @PostMapping("/account/password")
    @PreAuthorize(Access.SIGNED_IN)
    String changePassword(@AuthenticationPrincipal RatchetPrincipal principal,
            @RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmation, HttpSession session, RedirectAttributes redirect) {
        try {
            identity.changePassword(principal.userId(), currentPassword, newPassword, confirmation);
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("passwordError", refused.getMessage());
            return "redirect:/account#password";
        }
        // Every session of this person ends with the old password, this one too.
        session.invalidate();
        return "redirect:/login?passwordChanged";
    }

    @PostMapping("/account/second-factor/start")
    @PreAuthorize(Access.SIGNED_IN)
    String startSecondFactor(@AuthenticationPrincipal RatchetPrincipal principal, HttpSession session) {
        session.setAttribute(ENROLMENT, identity.startSecondFactor(principal.userId()));
        return "redirect:/account#second-factor";
    }

    @PostMapping("/account/second-factor/confirm")
    @PreAuthorize(Access.SIGNED_IN)
    String confirmSecondFactor(@AuthenticationPrincipal RatchetPrincipal principal,
            @RequestParam(required = false) String code, HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(ENROLMENT) instanceof SecondFactor.Enrolment enrolment)) {
            return "redirect:/account#second-factor";
        }
        try {
            identity.confirmSecondFactor(principal.userId(), enrolment.secret(), code);
            session.removeAttribute(ENROLMENT);
            redirect.addFlashAttribute("success", "Your second factor is on: you will be asked for a code when you sign in.");
            redirect.addFlashAttribute("recoveryCodes", recoveryCodes.issue(principal.userId()));
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("secondFactorError", refused.getMessage());
        }
        return "redirect:/account#second-factor";
    }

    /** Ten new recovery codes, shown once; the earlier ones stop working. Asks for the password, as removal does. */
    @PostMapping("/account/second-factor/recovery-codes")
    @PreAuthorize(Access.SIGNED_IN)
    String newRecoveryCodes(@AuthenticationPrincipal RatchetPrincipal principal,
            @RequestParam(required = false) String password, RedirectAttributes redirect) {
        try {
            identity.checkPassword(principal.userId(), password);
            redirect.addFlashAttribute("recoveryCodes", recoveryCodes.issue(principal.userId()));
            redirect.addFlashAttribute("success", "Ten new recovery codes: the earlier ones no longer work.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("secondFactorError", refused.getMessage());
        }
        return "redirect:/account#second-factor";
    }

    @PostMapping("/account/second-factor/remove")
    @PreAuthorize(Access.SIGNED_IN)
    String removeSecondFactor(@AuthenticationPrincipal RatchetPrincipal principal,
            @RequestParam(required = false) String password, RedirectAttributes redirect) {
        try {
            identity.removeSecondFactor(principal.userId(), password);
            redirect.addFlashAttribute("success", "Your second factor is removed.");
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("secondFactorError", refused.getMessage());
        }
        return "redirect:/account#second-factor";
    }

    @PostMapping("/account/digest")
    @PreAuthorize(Access.SIGNED_IN)
    String digest(@AuthenticationPrincipal RatchetPrincipal principal, @RequestParam(defaultValue = "false") boolean muted,
            RedirectAttributes redirect) {
        identity.muteDigest(principal.userId(), muted);
        redirect.addFlashAttribute("success", muted ? "You will no longer get the weekly digest. Reminders about overdue actions still come."
                : "You will get the weekly digest of your open actions on Monday mornings.");
        return "redirect:/account#digest";
    }

    @PostMapping("/account/calendar")
    @PreAuthorize(Access.SIGNED_IN)
    String newCalendarFeed(@AuthenticationPrincipal RatchetPrincipal principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("calendarUrl", baseUrl + "/calendar/" + identity.newCalendarToken(principal.userId()) + ".ics");
        return "redirect:/account#calendar";
    }

    @PostMapping("/account/calendar/revoke")
    @PreAuthorize(Access.SIGNED_IN)
    String revokeCalendarFeed(@AuthenticationPrincipal RatchetPrincipal principal, RedirectAttributes redirect) {
        identity.revokeCalendarToken(principal.userId());
        redirect.addFlashAttribute("success", "Your calendar feed address no longer works.");
        return "redirect:/account#calendar";
    }

    @PostMapping("/account/tokens")
    @PreAuthorize(Access.SIGNED_IN)
    String createToken(@AuthenticationPrincipal RatchetPrincipal principal, @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer validDays, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", identity.createToken(principal.userId(), name, validDays));
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("tokenError", refused.getMessage());
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize(Access.SIGNED_IN)
    String revokeToken(@AuthenticationPrincipal RatchetPrincipal principal, @PathVariable UUID id,
            RedirectAttributes redirect) {
        identity.revokeToken(principal.userId(), id);
        redirect.addFlashAttribute("success", "The token is revoked: programs using it are refused from now on.");
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/passkeys/{id}/removal")
    @PreAuthorize(Access.SIGNED_IN)
    String removePasskey(@AuthenticationPrincipal RatchetPrincipal principal, @PathVariable UUID id, RedirectAttributes redirect) {
        dev.ratchet.identity.Passkeys.View removed = passkeys.remove(principal.userId(), id);
        redirect.addFlashAttribute("success", "The passkey \"" + removed.label() + "\" is removed: it no longer signs you in.");
        return "redirect:/account#passkeys";
    }
}
