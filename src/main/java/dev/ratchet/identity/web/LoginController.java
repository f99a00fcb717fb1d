package dev.ratchet.identity.web;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form is processed by Spring Security) and the second step for a one-time code. */
@Controller
class LoginController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoginController.class);

    private final IdentityManagement identity;
    private final dev.ratchet.identity.LoginThrottle throttle;
    private final dev.ratchet.identity.RecoveryCodes recoveryCodes;

    LoginController(IdentityManagement identity, dev.ratchet.identity.LoginThrottle throttle,
            dev.ratchet.identity.RecoveryCodes recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
        this.identity = identity;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(dev.ratchet.identity.SingleSignOnLogin.REFUSAL) instanceof String reason) {
            // Said once: a reload of the page does not say it again.
            model.addAttribute("ssoRefused", reason);
            session.removeAttribute(dev.ratchet.identity.SingleSignOnLogin.REFUSAL);
        }
        return identity.setupNeeded() ? "redirect:/setup" : "identity/login";
    }

    @GetMapping("/login/second-factor")
    String secondFactor(@AuthenticationPrincipal RatchetPrincipal principal, Model model) {
        return secondFactorPage(principal, model);
    }

    /** The code field for an authenticator app, the button for a passkey: whichever the account has. */
    private String secondFactorPage(RatchetPrincipal principal, Model model) {
        model.addAttribute("hasTotp", identity.hasSecondFactor(principal.userId()));
        model.addAttribute("hasPasskey", identity.hasPasskey(principal.userId()));
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verify(@AuthenticationPrincipal RatchetPrincipal principal, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        // Codes are throttled per account, not per session: after a few wrong ones the half-signed-in session ends and
        // no code is checked until the window has passed, whichever session sends it.
        if (throttle.codesBlocked(principal.userId())) {
            return signOut(request, "redirect:/login?codesThrottled");
        }
        // A recovery code (ten letters and digits) stands in for the six digits once, when the phone is lost.
        boolean recovery = dev.ratchet.identity.RecoveryCodes.looksLikeOne(code);
        if (recovery ? !recoveryCodes.use(principal.userId(), code) : !identity.verifySecondFactor(principal.userId(), code)) {
            if (throttle.codeFailed(principal.userId())) {
                LOG.warn("Second-factor codes throttled for account {} after repeated wrong or reused codes", principal.userId());
                return signOut(request, "redirect:/login?codesThrottled");
            }
            model.addAttribute("error", recovery ? "That recovery code is not one of yours, or it was used already."
                    : "That code is not right, or it was used already: type the six digits your authenticator app shows now.");
            return secondFactorPage(principal, model);
        }
        throttle.codeSucceeded(principal.userId());
        RatchetPrincipal verified = principal.withSecondFactorVerified();
        dev.ratchet.identity.SignedIn.store(request, response, verified);
        if (recovery) {
            int left = recoveryCodes.remaining(principal.userId());
            redirect.addFlashAttribute("info", "You signed in with a recovery code; " + left + (left == 1 ? " is" : " are")
                    + " left. If your phone is lost, set up the second factor again on a new one under Your account.");
        }
        return "redirect:/";
    }

    private static String signOut(HttpServletRequest request, String view) {
        SecurityContextHolder.clearContext();
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return view;
    }
}
