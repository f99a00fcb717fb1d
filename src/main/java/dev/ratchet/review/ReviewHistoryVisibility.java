package dev.ratchet.review;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.history.HistoryVisibility;
import dev.ratchet.review.domain.ManagementReviewRepository;
import dev.ratchet.review.domain.ReviewAgendaItem;
import dev.ratchet.review.domain.ReviewAgendaItemRepository;
import dev.ratchet.review.domain.ReviewAmendment;
import dev.ratchet.review.domain.ReviewAmendmentRepository;
import dev.ratchet.review.domain.ReviewDecision;
import dev.ratchet.review.domain.ReviewDecisionRepository;
import dev.ratchet.shared.Ids;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/**
 * A review's history is read like its minutes: a guest auditor reads it once the minutes are approved (its agenda,
 * decisions and amendments with it), and never the team's.
 */
@Component
class ReviewHistoryVisibility implements HistoryVisibility {

    private final ManagementReviewRepository reviews;
    private final ReviewAgendaItemRepository agenda;
    private final ReviewDecisionRepository decisions;
    private final ReviewAmendmentRepository amendments;

    ReviewHistoryVisibility(ManagementReviewRepository reviews, ReviewAgendaItemRepository agenda, ReviewDecisionRepository decisions,
            ReviewAmendmentRepository amendments) {
        this.reviews = reviews;
        this.agenda = agenda;
        this.decisions = decisions;
        this.amendments = amendments;
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of("ManagementReview", "ReviewAgendaItem", "ReviewDecision", "ReviewAmendment", "ReviewTeam");
    }

    @Override
    public boolean mayRead(Tenant tenant, String recordType, String recordId) {
        if (!tenant.onlyGuest()) {
            return true;
        }
        Optional<UUID> id = Ids.parse(recordId);
        Optional<UUID> review = switch (recordType) {
            case "ManagementReview" -> id;
            case "ReviewAgendaItem" -> id.flatMap(agenda::findById).map(ReviewAgendaItem::getReviewId);
            case "ReviewDecision" -> id.flatMap(decisions::findById).map(ReviewDecision::getReviewId);
            case "ReviewAmendment" -> id.flatMap(amendments::findById).map(ReviewAmendment::getReviewId);
            default -> Optional.empty();
        };
        return review.flatMap(r -> reviews.findByIdAndOrganisationId(r, tenant.organisationId()))
                .map(r -> r.getStatus() == ReviewStatus.APPROVED).orElse(false);
    }
}
