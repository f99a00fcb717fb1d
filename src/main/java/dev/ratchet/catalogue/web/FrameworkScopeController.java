package dev.ratchet.catalogue.web;

import java.util.ArrayList;
import java.util.List;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.catalogue.FrameworkScopes;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Refused;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings: the frameworks the organisation answers to, with each framework's source and the mappings between them. */
@Controller
class FrameworkScopeController {

    private final CatalogueManagement catalogue;
    private final FrameworkScopes scopes;

    FrameworkScopeController(CatalogueManagement catalogue, FrameworkScopes scopes) {
        this.catalogue = catalogue;
        this.scopes = scopes;
    }

    @GetMapping("/settings/frameworks")
    @PreAuthorize(Access.MEMBER)
    String show(Model model) {
        FrameworkScopes.Scope scope = scopes.of(CurrentTenant.require().organisationId());
        return page(model, scope.ids(), scope.version(), null);
    }

    @PostMapping("/settings/frameworks")
    @PreAuthorize(Access.CONFIGURE)
    String choose(@RequestParam(name = "frameworks", required = false) List<String> frameworks,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        try {
            FrameworkScopes.Scope scope = scopes.choose(CurrentTenant.require(), frameworks == null ? List.of() : frameworks, version);
            redirect.addFlashAttribute("success", "Frameworks in scope: " + String.join(", ", scope.frameworks().stream().map(f -> f.name()).toList()) + ".");
            return "redirect:/settings/frameworks";
        }
        catch (Refused refused) {
            List<String> chosen = new ArrayList<>(frameworks == null ? List.of() : frameworks);
            chosen.add(CatalogueManagement.PRIMARY);
            String problem = refused.fieldErrors().isEmpty() ? refused.getMessage() : String.join(" ", refused.fieldErrors().values());
            return page(model, chosen, version == null ? -1 : version, problem);
        }
    }

    private String page(Model model, List<String> chosen, long version, String problem) {
        // ISO/IEC 27001 first (always in scope), then the others by name.
        model.addAttribute("frameworks", catalogue.frameworks().stream()
                .sorted(java.util.Comparator.comparing((dev.ratchet.catalogue.Framework f) -> !f.id().equals(CatalogueManagement.PRIMARY))).toList());
        model.addAttribute("mappings", catalogue.mappings());
        model.addAttribute("chosen", chosen);
        model.addAttribute("version", version);
        model.addAttribute("primary", CatalogueManagement.PRIMARY);
        model.addAttribute("problem", problem);
        return "catalogue/frameworks";
    }
}
