package dev.ratchet.feedback;

import java.time.LocalDate;
import java.util.UUID;

/** Feedback as a row of the register and its exports. */
public record FeedbackSummary(UUID id, String reference, LocalDate receivedOn, FeedbackKind kind, String subject,
        String text, String from, PartyType partyType, FeedbackStatus status, String reply) {
}
