package dev.ratchet.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

public record MemberView(UUID id, UUID userId, String email, String displayName, Set<Role> roles, UUID lineManagerId,
        String lineManagerName, boolean active, boolean accountEnabled, boolean secondFactor, LocalDate accessUntil,
        Instant joinedAt, long version) {
}
