package dev.ratchet.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A review with its pack: live while planned, frozen once the meeting started. */
public record ReviewView(UUID id, String reference, String title, LocalDate plannedDate, LocalDate periodFrom,
        ReviewStatus status, String externalInternalIssues, String interestedParties, String riskAssessment,
        Instant startedAt, ReviewPack pack, boolean frozen, java.util.List<DecisionView> decisions, String approvedByName,
        Instant approvedAt, long version) {
}
