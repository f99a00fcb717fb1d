package dev.ratchet.identity;

import java.time.Instant;
import java.util.List;

import dev.ratchet.identity.domain.User;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Changes a person makes before they are signed in (joining through an invitation, choosing a new password through a
 * link): the history names them, not "system". The work must flush its changes itself, inside.
 */
final class Actors {

    private Actors() {
    }

    static void as(User user, Instant now, Runnable work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        RatchetPrincipal person = new RatchetPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), null, true, false, now);
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, List.of()));
        SecurityContextHolder.setContext(acting);
        try {
            work.run();
        }
        finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
