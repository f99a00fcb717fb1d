package dev.ratchet.catalogue.web;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse and search the frameworks' clauses and controls. */
@Controller
class CatalogueController {

    private final CatalogueManagement catalogue;

    CatalogueController(CatalogueManagement catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/catalogue")
    @PreAuthorize(Access.SIGNED_IN)
    String browse(@RequestParam(required = false) String framework, @RequestParam(required = false) String q,
            @RequestParam(required = false) Requirement.Kind kind,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("frameworks", catalogue.frameworks());
        model.addAttribute("framework", framework);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", Requirement.Kind.values());
        model.addAttribute("requirements", catalogue.search(framework, q, kind));
        return htmx != null ? "catalogue/catalogue :: results" : "catalogue/catalogue";
    }
}
