package dev.ratchet.identity.web;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form is processed by Spring Security) and the second step for a one-time code. */
@Controller
class LoginController {

    private final IdentityManagement identity;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/login")
    String login() {
        return identity.setupNeeded() ? "redirect:/setup" : "identity/login";
    }

    @GetMapping("/login/second-factor")
    String secondFactor() {
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verify(@AuthenticationPrincipal RatchetPrincipal principal, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!identity.verifySecondFactor(principal.userId(), code)) {
            model.addAttribute("error", "That code is not right: type the six digits your authenticator app shows now.");
            return "identity/second-factor";
        }
        RatchetPrincipal verified = principal.withSecondFactorVerified();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(verified, null, verified.getAuthorities()));
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
