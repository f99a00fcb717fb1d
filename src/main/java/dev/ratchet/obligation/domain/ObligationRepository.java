package dev.ratchet.obligation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ObligationRepository extends JpaRepository<Obligation, UUID>, JpaSpecificationExecutor<Obligation> {

    Optional<Obligation> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<Obligation> findFirstByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    long countByOrganisationId(UUID organisationId);

    boolean existsByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    @Query("select lower(o.name) from Obligation o where o.organisationId = :organisationId")
    java.util.List<String> namesIn(@org.springframework.data.repository.query.Param("organisationId") UUID organisationId);

    @Query("select upper(o.reference) from Obligation o where o.organisationId = :organisationId and upper(o.reference) in :references")
    List<String> existingReferences(UUID organisationId, Collection<String> references);
}
