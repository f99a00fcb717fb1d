package dev.ratchet.review.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ManagementReviewRepository extends JpaRepository<ManagementReview, UUID> {

    Optional<ManagementReview> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ManagementReview> findByOrganisationIdOrderByPlannedDateDesc(UUID organisationId);
}
