package dev.ratchet.demo;

import java.util.Set;
import java.util.UUID;

import dev.ratchet.shared.Actor;
import dev.ratchet.shared.Tenant;

/** Someone in the story: who they are in the organisation, and how they act there. */
record Person(UUID organisationId, String organisationName, UUID userId, String displayName, Set<String> roles)
        implements Actor {

    Tenant tenant() {
        return new Tenant(organisationId, organisationName, userId, displayName, roles);
    }
}
