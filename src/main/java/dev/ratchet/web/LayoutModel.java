package dev.ratchet.web;

import java.util.List;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.Notifications;
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
    private final dev.ratchet.identity.Invitations invitations;
    private final ActionManagement actions;
    private final Notifications notifications;
    private final dev.ratchet.identity.SingleSignOn singleSignOn;

    LayoutModel(IdentityManagement identity, dev.ratchet.identity.Invitations invitations, ActionManagement actions,
            Notifications notifications, dev.ratchet.identity.SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
        this.invitations = invitations;
        this.identity = identity;
        this.actions = actions;
        this.notifications = notifications;
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

    /** Open, due-this-week and overdue actions of the signed-in person, for the navigation. */
    @ModelAttribute("myActionCounts")
    ActionManagement.Counts myActionCounts(jakarta.servlet.http.HttpServletRequest request) {
        return orOnErrorPage(request, () -> CurrentTenant.get().map(t -> actions.counts(t.organisationId(), t.userId())).orElse(null), null);
    }

    /**
     * An error page shows the navigation but must show even when what the navigation counts cannot be read (the
     * failure it reports may be that): there a badge is left out rather than the page lost.
     */
    private static <T> T orOnErrorPage(jakarta.servlet.http.HttpServletRequest request, java.util.function.Supplier<T> value, T otherwise) {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
            return value.get();
        }
        try {
            return value.get();
        }
        catch (RuntimeException e) {
            return otherwise;
        }
    }

    /** The current page's address and filters without its page number, for the pager's links. */
    @ModelAttribute("pageLink")
    String pageLink(jakarta.servlet.http.HttpServletRequest request) {
        org.springframework.web.util.UriComponentsBuilder link = org.springframework.web.util.UriComponentsBuilder
                .fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!"page".equals(name) && !"_csrf".equals(name)) {
                for (String value : values) {
                    if (value != null && !value.isEmpty()) {
                        link.queryParam(name, value);
                    }
                }
            }
        });
        return link.encode().build().toUriString();
    }

    @ModelAttribute("unreadNotifications")
    long unreadNotifications(jakarta.servlet.http.HttpServletRequest request) {
        return orOnErrorPage(request, () -> CurrentTenant.get().map(t -> notifications.unread(t.organisationId(), t.userId())).orElse(0L), 0L);
    }

    /** Organisations that invited the signed-in person, for a reminder on every page until they answer. */
    @ModelAttribute("myInvitations")
    int myInvitations(jakarta.servlet.http.HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RatchetPrincipal p && !p.secondFactorPending()) {
            return orOnErrorPage(request, () -> invitations.of(p.userId()).size(), 0);
        }
        return 0;
    }

    @ModelAttribute("myOrganisations")
    List<OrganisationDetails> myOrganisations(jakarta.servlet.http.HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RatchetPrincipal p
                && !p.secondFactorPending()) {
            return orOnErrorPage(request, () -> singleSignOn.organisationsFor(p), List.of());
        }
        return List.of();
    }

}
