package dev.ratchet.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.improvement.ImprovementView;

/** Feedback as its reader may see it: the reporter of anonymous feedback is named to the ISMS manager only. */
public record FeedbackView(UUID id, String reference, FeedbackKind kind, String subject, String text, boolean anonymous,
        PartyType partyType, String partyName, LocalDate receivedOn, String from, FeedbackStatus status, String reply,
        String handledByName, Instant handledAt, ImprovementView.Link improvement, boolean mine, long version) {
}
