package dev.ratchet.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The one way a session comes to hold a signed-in person, whatever proved who they are (the one-time code after a
 * password, a passkey, the organisation's provider): a new session id, then the person in the session.
 */
public final class SignedIn {

    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private SignedIn() {
    }

    public static void store(HttpServletRequest request, HttpServletResponse response, RatchetPrincipal person) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        request.getSession();
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
