package dev.ratchet.risk.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface RiskRepository extends JpaRepository<Risk, UUID>, JpaSpecificationExecutor<Risk> {

    Optional<Risk> findByIdAndOrganisationId(UUID id, UUID organisationId);

    long countByOrganisationId(UUID organisationId);

    boolean existsByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    @Query("select upper(r.reference) from Risk r where r.organisationId = :organisationId and upper(r.reference) in :references")
    List<String> existingReferences(UUID organisationId, Collection<String> references);

    List<Risk> findByOrganisationIdAndIdIn(UUID organisationId, Collection<UUID> ids);
}
