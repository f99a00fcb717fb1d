package dev.ratchet.audit.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AuditRepository extends JpaRepository<Audit, UUID>, JpaSpecificationExecutor<Audit> {

    Optional<Audit> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<Audit> findByOrganisationIdAndProgrammeIdOrderByPlannedStartAscReferenceAsc(UUID organisationId, UUID programmeId);

    List<Audit> findByOrganisationIdAndPlannedStartBetweenOrderByPlannedStart(UUID organisationId,
            java.time.LocalDate from, java.time.LocalDate to);
}
