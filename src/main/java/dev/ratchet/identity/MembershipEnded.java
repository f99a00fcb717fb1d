package dev.ratchet.identity;

import java.util.UUID;

/**
 * A person's membership ended (an administrator ended it, or the identity provider deprovisioned them): their open
 * work in the organisation needs new owners. Published in the transaction that ends it.
 */
public record MembershipEnded(UUID organisationId, UUID userId, String displayName, UUID lineManagerId) {
}
