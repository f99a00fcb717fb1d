package dev.ratchet.audit.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditExclusionRepository extends JpaRepository<AuditExclusion, UUID> {

    List<AuditExclusion> findByOrganisationIdAndCycleEndYear(UUID organisationId, int cycleEndYear);

    Optional<AuditExclusion> findByOrganisationIdAndRequirementAndCycleEndYear(UUID organisationId, String requirement, int cycleEndYear);

    Optional<AuditExclusion> findByIdAndOrganisationId(UUID id, UUID organisationId);
}
