package dev.ratchet.improvement.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EffectivenessReviewRepository extends JpaRepository<EffectivenessReview, UUID> {

    List<EffectivenessReview> findByRecordIdOrderByReviewedAtAsc(UUID recordId);

    List<EffectivenessReview> findByRecordIdInOrderByReviewedAtAsc(List<UUID> recordIds);
}
