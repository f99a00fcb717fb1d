package dev.ratchet.web;

import java.util.List;
import java.util.function.Supplier;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.RatchetPrincipal;
import dev.ratchet.identity.Role;
import dev.ratchet.identity.TenantFilter;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * What the layout shows on every page: who is signed in, the organisation in use, the others to switch to, and the
 * navigation's badges. Nothing of it is read before a template asks for it (lazy variables): a redirect, a file, an
 * htmx fragment without the navigation or an API answer costs no statement for it. The person's organisations and
 * invitations come from what the tenant filter read for this request; the badges are one statement.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final ActionManagement actions;
    private final IdentityManagement identity;
    private final dev.ratchet.identity.SingleSignOn singleSignOn;

    LayoutModel(ActionManagement actions, IdentityManagement identity, dev.ratchet.identity.SingleSignOn singleSignOn) {
        this.actions = actions;
        this.identity = identity;
        this.singleSignOn = singleSignOn;
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
    LazyContextVariable<ActionManagement.Counts> myActionCounts(HttpServletRequest request) {
        return lazy(request, () -> navigation(request).map(ActionManagement.Navigation::actions).orElse(null), null);
    }

    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Long> unreadNotifications(HttpServletRequest request) {
        return lazy(request, () -> navigation(request).map(ActionManagement.Navigation::unreadNotifications).orElse(0L), 0L);
    }

    /** The navigation's badges, read together (one statement) when the template shows the first of them. */
    private java.util.Optional<ActionManagement.Navigation> navigation(HttpServletRequest request) {
        String key = LayoutModel.class.getName() + ".navigation";
        if (request.getAttribute(key) instanceof ActionManagement.Navigation read) {
            return java.util.Optional.of(read);
        }
        java.util.Optional<ActionManagement.Navigation> read = CurrentTenant.get()
                .map(t -> actions.navigation(t.organisationId(), t.userId()));
        read.ifPresent(n -> request.setAttribute(key, n));
        return read;
    }

    /** Organisations that invited the signed-in person, for a reminder on every page until they answer. */
    @ModelAttribute("myInvitations")
    LazyContextVariable<Integer> myInvitations(HttpServletRequest request) {
        return lazy(request, () -> standing(request).map(IdentityManagement.Standing::invitations).orElse(0), 0);
    }

    @ModelAttribute("myOrganisations")
    LazyContextVariable<List<OrganisationDetails>> myOrganisations(HttpServletRequest request) {
        return lazy(request, () -> standing(request).map(IdentityManagement.Standing::enterable).orElse(List.of()), List.of());
    }

    /** The current page's address and filters without its page number, for the pager's links. */
    @ModelAttribute("pageLink")
    String pageLink(HttpServletRequest request) {
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

    /**
     * The person's standing as the tenant filter read it for this request; on a page it did not read it for (signed
     * in, second factor done, but no organisation yet), read here.
     */
    private java.util.Optional<IdentityManagement.Standing> standing(HttpServletRequest request) {
        if (request.getAttribute(TenantFilter.STANDING) instanceof IdentityManagement.Standing standing) {
            return java.util.Optional.of(standing);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RatchetPrincipal p && !p.secondFactorPending()) {
            IdentityManagement.Standing standing = identity.standing(p, null, singleSignOn.entryRule(p), true);
            request.setAttribute(TenantFilter.STANDING, standing);
            return java.util.Optional.of(standing);
        }
        return java.util.Optional.empty();
    }

    /**
     * A value read when the template first asks for it, once. An error page shows the navigation but must show even
     * when what the navigation counts cannot be read (the failure it reports may be that): there a badge is left out
     * rather than the page lost.
     */
    private static <T> LazyContextVariable<T> lazy(HttpServletRequest request, Supplier<T> value, T onErrorPage) {
        boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
        return new LazyContextVariable<>() {
            @Override
            protected T loadValue() {
                if (!errorPage) {
                    return value.get();
                }
                try {
                    return value.get();
                }
                catch (RuntimeException e) {
                    return onErrorPage;
                }
            }
        };
    }
}
