package dev.ratchet.review.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewAmendmentRepository extends JpaRepository<ReviewAmendment, UUID> {

    List<ReviewAmendment> findByReviewIdOrderByPosition(UUID reviewId);

    /** The amendments of several reviews in one statement (the schedule lists every review). */
    List<ReviewAmendment> findByReviewIdInOrderByPosition(java.util.Collection<UUID> reviewIds);
}
