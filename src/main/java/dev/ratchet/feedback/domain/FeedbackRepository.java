package dev.ratchet.feedback.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface FeedbackRepository extends JpaRepository<Feedback, UUID>, JpaSpecificationExecutor<Feedback> {

    Optional<Feedback> findByIdAndOrganisationId(UUID id, UUID organisationId);

    @Query("select upper(f.reference) from Feedback f where f.organisationId = :organisationId and upper(f.reference) in :references")
    List<String> existingReferences(UUID organisationId, Collection<String> references);
}
