package dev.ratchet.web;

import java.util.List;

import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page: who is signed in, the organisation in use, and the others to switch to. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final IdentityManagement identity;

    LayoutModel(IdentityManagement identity) {
        this.identity = identity;
    }

    @ModelAttribute("tenant")
    Tenant tenant() {
        return CurrentTenant.get().orElse(null);
    }

    @ModelAttribute("myRoleLabels")
    List<String> myRoleLabels() {
        return CurrentTenant.get().map(t -> t.roles().stream().map(Role::valueOf).sorted().map(Role::label).toList())
                .orElse(List.of());
    }

    @ModelAttribute("myOrganisations")
    List<OrganisationDetails> myOrganisations() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RatchetPrincipal p
                && !p.secondFactorPending()) {
            return identity.organisationsOf(p.userId());
        }
        return List.of();
    }

}
