package dev.ratchet.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

public record MemberView(UUID id, UUID userId, String email, String displayName, Set<Role> roles, UUID lineManagerId,
        String lineManagerName, boolean active, Boolean accountEnabled, Boolean secondFactor, LocalDate accessUntil,
        Instant joinedAt, boolean invited,
        @io.swagger.v3.oas.annotations.media.Schema(description = "An administrator who keeps password sign-in when the organisation signs in by single sign-on only")
        boolean breakGlass, long version) {

    /**
     * As a colleague may see it: whether the account is enabled and has a second factor is for administrators only
     * (null otherwise), since it tells an attacker which accounts are easier to take over.
     */
    public MemberView forReader(dev.ratchet.shared.Tenant reader) {
        return reader.hasAnyRole("ADMIN") ? this : new MemberView(id, userId, email, displayName, roles, lineManagerId, lineManagerName,
                active, null, null, accessUntil, joinedAt, invited, breakGlass, version);
    }
}
