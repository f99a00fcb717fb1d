package dev.ratchet.review.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewAgendaItemRepository extends JpaRepository<ReviewAgendaItem, UUID> {

    List<ReviewAgendaItem> findByReviewIdOrderByPosition(UUID reviewId);

    /** The agendas of several reviews in one statement (the schedule lists every review). */
    List<ReviewAgendaItem> findByReviewIdInOrderByPosition(java.util.Collection<UUID> reviewIds);
}
