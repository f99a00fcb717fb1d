package dev.ratchet.web;

import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where the organisation stands and what to do next. */
@Controller
class HomeController {

    @GetMapping("/")
    @PreAuthorize(Access.SIGNED_IN)
    String home() {
        // Someone who only owns actions starts where their work is.
        boolean contributorOnly = CurrentTenant.get().map(t -> t.roles().equals(java.util.Set.of("CONTRIBUTOR"))).orElse(false);
        return contributorOnly ? "redirect:/actions/mine" : "home";
    }
}
