package dev.ratchet.review;

import java.time.Instant;

/** A correction recorded after the minutes were approved. */
public record AmendmentView(int number, String correction, String reason, String byName, Instant at) {
}
