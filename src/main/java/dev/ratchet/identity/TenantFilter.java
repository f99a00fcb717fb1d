package dev.ratchet.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.shared.ApiProblems;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For every signed-in request: checks the account may still act, picks the organisation (from the API path, or the
 * one chosen in this session), and grants the person's roles in that organisation for this request only.
 * A person who is not a member of the organisation named in an API path gets 404, as if it did not exist.
 */
@Component
public class TenantFilter extends OncePerRequestFilter {

    /** The session attribute that holds the organisation a person chose in the browser. */
    public static final String SESSION_ORGANISATION = "ratchet.organisation";

    /** Request attributes the access log reads once the request is done. */
    public static final String LOG_USER = "ratchet.log.user";
    public static final String LOG_ORGANISATION = "ratchet.log.organisation";

    /** The request attribute holding the person's {@link IdentityManagement.Standing} on a page (for the navigation). */
    public static final String STANDING = "ratchet.standing";

    private static final Pattern API_ORGANISATION = Pattern.compile("^/api/v1/organisations/([0-9a-fA-F-]{36})(/.*)?$");

    private final IdentityManagement identity;
    private final SingleSignOn singleSignOn;
    private final Clock clock;
    private final Duration absoluteTimeout;

    TenantFilter(IdentityManagement identity, SingleSignOn singleSignOn, Clock clock,
            @Value("${ratchet.session.absolute-timeout:PT12H}") Duration absoluteTimeout) {
        this.identity = identity;
        this.singleSignOn = singleSignOn;
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
    }

    /**
     * An error page (403 after a refused page, 404, 500) is a page of its own dispatch: it gets the person's
     * organisation and roles too, so that it keeps the navigation.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof RatchetPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher apiOrganisation = API_ORGANISATION.matcher(path);
        IdentityManagement.Standing standing;
        if (principal.secondFactorPending()) {
            standing = identity.standing(principal, null, id -> false, false);
        }
        else if (apiOrganisation.matches()) {
            standing = identity.standing(principal, UUID.fromString(apiOrganisation.group(1)), id -> true, false);
        }
        else if (api) {
            standing = identity.standing(principal, null, id -> false, false);
        }
        else {
            standing = sessionStanding(request, principal);
        }
        if (!standing.mayAct() || sessionTooOld(request)) {
            endSession(request);
            if (api) {
                ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "This token's account can no longer act: it was disabled.");
            }
            else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        if (principal.secondFactorPending()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Tenant> tenant;
        if (apiOrganisation.matches()) {
            tenant = standing.tenant();
            if (tenant.isEmpty()) {
                ApiProblems.write(response, HttpStatus.NOT_FOUND, "Organisation not found");
                return;
            }
        }
        else if (api) {
            tenant = Optional.empty();
        }
        else {
            tenant = standing.tenant();
            request.setAttribute(STANDING, standing);
            if (tenant.isEmpty() && principal.singleSignOnOrganisation().isPresent()) {
                // Signed in by an organisation's provider, and no longer a member there: this session is over.
                endSession(request);
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        boolean errorPage = request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
        // The organisation's own provider is responsible for the second factor of the people it signs in.
        boolean providerVouched = tenant.isPresent() && principal.singleSignOnOrganisation()
                .filter(tenant.get().organisationId()::equals).isPresent();
        if (!api && !errorPage && tenant.isPresent() && !providerVouched
                && standing.owesSecondFactor()
                && !path.startsWith("/account") && !path.equals("/logout") && !path.startsWith("/webjars/")
                && !path.startsWith("/css/") && !path.startsWith("/js/")) {
            response.sendRedirect(request.getContextPath() + "/account?secondFactorRequired");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
        tenant.ifPresent(t -> t.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContext scoped = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken withRoles = UsernamePasswordAuthenticationToken.authenticated(principal,
                null, authorities);
        withRoles.setDetails(authentication.getDetails());
        scoped.setAuthentication(withRoles);
        SecurityContext original = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(scoped);
        tenant.ifPresent(CurrentTenant::set);
        request.setAttribute(LOG_USER, principal.email());
        tenant.ifPresent(t -> request.setAttribute(LOG_ORGANISATION, t.organisationId()));
        try {
            chain.doFilter(request, response);
        }
        finally {
            CurrentTenant.clear();
            SecurityContextHolder.setContext(original);
        }
    }

    /**
     * The organisation chosen in this session, if the person may still enter it; else the first they may enter, which
     * becomes the session's choice.
     */
    private IdentityManagement.Standing sessionStanding(HttpServletRequest request, RatchetPrincipal principal) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_ORGANISATION);
        java.util.function.Predicate<UUID> mayEnter = singleSignOn.entryRule(principal);
        IdentityManagement.Standing standing = identity.standing(principal, chosen instanceof UUID id ? id : null, mayEnter, true);
        if (standing.mayAct() && standing.tenant().isEmpty() && !standing.enterable().isEmpty() && chosen != null) {
            standing = identity.standing(principal, standing.enterable().get(0).id(), mayEnter, true);
        }
        UUID now = standing.tenant().map(Tenant::organisationId).orElse(null);
        if (session != null && now != null && !now.equals(chosen)) {
            session.setAttribute(SESSION_ORGANISATION, now);
        }
        return standing;
    }

    private boolean sessionTooOld(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && clock.millis() - session.getCreationTime() > absoluteTimeout.toMillis();
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
