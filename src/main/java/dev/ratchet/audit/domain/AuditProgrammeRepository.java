package dev.ratchet.audit.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditProgrammeRepository extends JpaRepository<AuditProgramme, UUID> {

    Optional<AuditProgramme> findByOrganisationIdAndProgrammeYear(UUID organisationId, int year);

    Optional<AuditProgramme> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<AuditProgramme> findByOrganisationIdOrderByProgrammeYearDesc(UUID organisationId);
}
