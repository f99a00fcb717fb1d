package dev.ratchet.objective.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectiveReviewRepository extends JpaRepository<ObjectiveReview, UUID> {

    List<ObjectiveReview> findByObjectiveIdOrderByReviewedOnDesc(UUID objectiveId);
}
