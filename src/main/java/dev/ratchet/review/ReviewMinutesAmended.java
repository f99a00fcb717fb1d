package dev.ratchet.review;

import java.util.UUID;

/** A correction was recorded beside approved minutes: their documents now print it too. */
public record ReviewMinutesAmended(UUID organisationId, UUID reviewId) {
}
