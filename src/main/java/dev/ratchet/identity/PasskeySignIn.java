package dev.ratchet.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.stereotype.Component;

/**
 * Signing in with a passkey (Spring Security's WebAuthn ceremony at /login/webauthn): the passkey is possession and,
 * with the device's lock, a second factor of its own, so no one-time code follows; on the one-time code page a passkey
 * stands in for the code. The session then holds a {@link RatchetPrincipal} as after a password. A person whose every
 * organisation signs in by single sign-on only is sent there, as with a password.
 */
@Component
public class PasskeySignIn {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PasskeySignIn.class);

    private final IdentityManagement identity;
    private final SingleSignOn singleSignOn;

    PasskeySignIn(IdentityManagement identity, SingleSignOn singleSignOn) {
        this.identity = identity;
        this.singleSignOn = singleSignOn;
    }

    /** The accounts the relying party signs in: enabled ones, their second factor given by the passkey itself. */
    public UserDetailsService accounts() {
        return email -> identity.principal(email).filter(RatchetPrincipal::isEnabled).map(RatchetPrincipal::withSecondFactorVerified)
                .orElseThrow(() -> new UsernameNotFoundException("unknown or disabled account"));
    }

    public AuthenticationSuccessHandler succeeded() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            PublicKeyCredentialUserEntity entity = (PublicKeyCredentialUserEntity) authentication.getPrincipal();
            RatchetPrincipal person = identity.refreshedPrincipal(Passkeys.userId(entity.getId())).withSecondFactorVerified();
            if (!person.isEnabled()) {
                refuse(request, response, "This account is disabled.");
                return;
            }
            if (singleSignOn.onlyThroughProviders(person.userId())) {
                SecurityContextHolder.clearContext();
                answer(response, 200, "{\"authenticated\":false,\"redirectUrl\":\"" + request.getContextPath() + "/login?ssoRequired\"}");
                return;
            }
            SignedIn.store(request, response, person);
            answer(response, 200, "{\"authenticated\":true,\"redirectUrl\":\"" + request.getContextPath() + "/\"}");
        };
    }

    public AuthenticationFailureHandler failed() {
        return (request, response, e) -> {
            LOG.info("Passkey sign-in refused: {}", e.getMessage());
            refuse(request, response, "That passkey did not sign you in: it may have been removed from your account.");
        };
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        SecurityContextHolder.clearContext();
        answer(response, 401, "{\"authenticated\":false,\"message\":\"" + message + "\"}");
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
    }
}
