package dev.ratchet.objective.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ObjectiveRepository extends JpaRepository<Objective, UUID> {

    Optional<Objective> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<Objective> findByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    long countByOrganisationId(UUID organisationId);

    @Query("""
            select o from Objective o where o.organisationId = :organisationId
              and (:status is null or o.status = :status) and (:ownerId is null or o.ownerId = :ownerId)
              and (lower(o.title) like :text or lower(o.reference) like :text or lower(o.measure) like :text)""")
    Page<Objective> search(UUID organisationId, String status, UUID ownerId, String text, Pageable pageable);
}
