package dev.ratchet.incident.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface IncidentRepository extends JpaRepository<Incident, UUID>, JpaSpecificationExecutor<Incident> {

    Optional<Incident> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<Incident> findFirstByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    boolean existsByOrganisationIdAndReferenceIgnoreCase(UUID organisationId, String reference);

    @Query("select upper(i.reference) from Incident i where i.organisationId = :organisationId and upper(i.reference) in :references")
    List<String> existingReferences(UUID organisationId, Collection<String> references);
}
