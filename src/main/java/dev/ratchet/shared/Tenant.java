package dev.ratchet.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, in which organisation, with which roles there. Set for every authenticated request by the
 * identity module; every query of organisation data takes its organisation id from here, never from the request.
 */
public record Tenant(UUID organisationId, String organisationName, UUID userId, String userName, Set<String> roles) {

    /** A guest auditor and nothing more: they read approved minutes and approved policy versions only. */
    public boolean onlyGuest() {
        return !hasAnyRole("ADMIN", "ISMS_MANAGER", "AUDITOR", "CONTRIBUTOR", "MANAGEMENT");
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
