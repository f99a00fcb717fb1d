package dev.ratchet.web;

import dev.ratchet.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where the organisation stands and what to do next. */
@Controller
class HomeController {

    @GetMapping("/")
    @PreAuthorize(Access.SIGNED_IN)
    String home() {
        return "home";
    }
}
