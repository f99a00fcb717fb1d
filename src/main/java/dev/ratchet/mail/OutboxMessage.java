package dev.ratchet.mail;

import java.time.Instant;
import java.util.UUID;

/** One queued e-mail as an administrator sees it: to whom, what, and what became of it. */
public record OutboxMessage(UUID id, String recipient, String subject, Status status, int attempts, Instant createdAt,
        Instant nextAttemptAt, Instant sentAt, String lastError) {

    public enum Status {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** Being handed to the mail server by an instance now. */
        SENDING,
        /** Accepted by the mail server. */
        SENT,
        /** Every attempt failed: the reason is the last error. */
        FAILED,
        /** Too old to matter by the time a mail server could take it. */
        SKIPPED
    }
}
