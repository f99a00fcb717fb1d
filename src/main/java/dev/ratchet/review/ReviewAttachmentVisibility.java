package dev.ratchet.review;

import java.util.UUID;

import dev.ratchet.evidence.EvidenceVisibility;
import dev.ratchet.review.domain.ManagementReviewRepository;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/** A review's attachments are read like its minutes: by a guest auditor once the minutes are approved. */
@Component
class ReviewAttachmentVisibility implements EvidenceVisibility {

    private final ManagementReviewRepository reviews;

    ReviewAttachmentVisibility(ManagementReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public String ownerType() {
        return ReviewManagement.ATTACHMENT;
    }

    @Override
    public boolean mayRead(Tenant tenant, UUID reviewId, UUID fileId) {
        return !tenant.onlyGuest() || reviews.findByIdAndOrganisationId(reviewId, tenant.organisationId())
                .map(r -> r.getStatus() == ReviewStatus.APPROVED).orElse(false);
    }
}
