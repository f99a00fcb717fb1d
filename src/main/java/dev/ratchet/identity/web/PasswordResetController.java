package dev.ratchet.identity.web;

import dev.ratchet.identity.PasswordPolicy;
import dev.ratchet.identity.PasswordResets;
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

/**
 * "Forgot your password?": asking for a link (answered the same for every address) and choosing the new password
 * through it. For people who cannot sign in, so there is no API twin: a program has a token, not a password.
 */
@Controller
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-reset")
    String form(Model model) {
        model.addAttribute("validMinutes", resets.validFor().toMinutes());
        return "identity/password-reset";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!resets.request(email, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "900");
            model.addAttribute("validMinutes", resets.validFor().toMinutes());
            model.addAttribute("throttled", true);
            return "identity/password-reset";
        }
        return "redirect:/password-reset?sent";
    }

    @GetMapping("/password-reset/{token}")
    String choose(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(token, model, response, null);
    }

    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Model model, HttpServletResponse response) {
        try {
            resets.reset(token, password, confirmation);
            return "redirect:/login?passwordReset";
        }
        catch (Refused refused) {
            return page(token, model, response, refused);
        }
    }

    private String page(String token, Model model, HttpServletResponse response, Refused refused) {
        model.addAttribute("token", token);
        model.addAttribute("minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH);
        var opened = resets.open(token);
        if (opened.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "This link is not known. Check that the whole link was copied from the message, or ask for a new one.");
            return "identity/password-reset-choose";
        }
        model.addAttribute("email", opened.get().email());
        if (opened.get().problem() != null) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", opened.get().problem());
        }
        else if (refused != null) {
            response.setStatus(refused.fieldErrors().isEmpty() ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("fieldErrors", refused.fieldErrors());
            if (refused.fieldErrors().isEmpty()) {
                model.addAttribute("problem", refused.getMessage());
            }
        }
        return "identity/password-reset-choose";
    }
}
