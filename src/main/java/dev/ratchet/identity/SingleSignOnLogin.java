package dev.ratchet.identity;

import dev.ratchet.shared.Refused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's OpenID Connect sign-in, fed from the organisations' connections ({@link SingleSignOn}): the client
 * registration is the connection (its id the registration id), the provider's person becomes Ratchet's, and the
 * session then holds a {@link RatchetPrincipal} like any other, bound to the provider's organisation.
 */
@Component
public class SingleSignOnLogin implements ClientRegistrationRepository {

    /** The session attribute that carries the reason of a refused single sign-on to the sign-in page. */
    public static final String REFUSAL = "ratchet.sso.refused";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SingleSignOnLogin.class);

    private final SingleSignOn singleSignOn;
    private final OidcUserService provider = new OidcUserService();

    SingleSignOnLogin(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        try {
            return singleSignOn.registration(registrationId).orElse(null);
        }
        catch (Refused unreachable) {
            LOG.warn("Single sign-on {} unavailable: {}", registrationId, unreachable.getMessage());
            return null;
        }
    }

    /** The provider's person (ID token checked, user info read), then Ratchet's member, or a refusal the person reads. */
    public OAuth2UserService<OidcUserRequest, OidcUser> users() {
        return request -> {
            OidcUser person = provider.loadUser(request);
            try {
                RatchetPrincipal member = singleSignOn.signIn(request.getClientRegistration().getRegistrationId(), person);
                return new Person(person, member);
            }
            catch (Refused refused) {
                LOG.info("Single sign-on refused for subject {} of {}: {}", person.getSubject(), person.getIssuer(), refused.getMessage());
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", refused.getMessage(), null),
                        refused.getMessage());
            }
        };
    }

    /** Checks the code with the provider, then the ID token (signature, issuer, audience, nonce), then {@link #users()}. */
    public org.springframework.security.authentication.AuthenticationProvider provider() {
        return new org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider(
                new org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient(), users());
    }

    /** The session holds Ratchet's principal, as after a password, and goes to the start page. */
    public AuthenticationSuccessHandler succeeded() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (!(authentication.getPrincipal() instanceof Person person)) {
                throw new IllegalStateException("Not a single sign-on: " + authentication.getClass().getSimpleName());
            }
            RatchetPrincipal member = person.member();
            SignedIn.store(request, response, member);
            request.getSession().setAttribute(TenantFilter.SESSION_ORGANISATION, member.singleSignOnOrganisation().orElseThrow());
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

    /** Back to the sign-in page, which says why (the reason Ratchet or the provider gave). */
    public AuthenticationFailureHandler failed() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                    ? oauth.getError().getDescription()
                    : "The provider did not sign you in (" + (e instanceof OAuth2AuthenticationException oauth
                            ? oauth.getError().getErrorCode() : e.getClass().getSimpleName()) + ").";
            request.getSession().setAttribute(REFUSAL, reason);
            response.sendRedirect(request.getContextPath() + "/login?ssoRefused");
        };
    }

    /**
     * The provider's tokens are not kept after sign-in: Ratchet calls no API of the provider, and a token nobody
     * holds cannot leak (nor fill an instance's memory, as the in-memory default would).
     */
    public org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository noTokensKept() {
        return new org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository() {
            @Override
            public <T extends org.springframework.security.oauth2.client.OAuth2AuthorizedClient> T loadAuthorizedClient(
                    String registrationId, Authentication principal, HttpServletRequest request) {
                return null;
            }

            @Override
            public void saveAuthorizedClient(org.springframework.security.oauth2.client.OAuth2AuthorizedClient client,
                    Authentication principal, HttpServletRequest request, HttpServletResponse response) {
            }

            @Override
            public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                    HttpServletResponse response) {
            }
        };
    }

    /** The provider's person with the member it became; lives only until the success handler replaces it. */
    static final class Person extends DefaultOidcUser {
        private final transient RatchetPrincipal member;

        Person(OidcUser person, RatchetPrincipal member) {
            super(member.getAuthorities(), person.getIdToken(), person.getUserInfo(), "sub");
            this.member = member;
        }

        RatchetPrincipal member() {
            return member;
        }
    }
}
