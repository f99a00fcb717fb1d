package dev.ratchet.review;

import java.util.UUID;

/** The chair approved a review's minutes: from now on they are locked, and their documents frozen. */
public record ReviewMinutesApproved(UUID organisationId, UUID reviewId) {
}
