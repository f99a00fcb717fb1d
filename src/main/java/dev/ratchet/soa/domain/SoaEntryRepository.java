package dev.ratchet.soa.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SoaEntryRepository extends JpaRepository<SoaEntry, UUID> {

    List<SoaEntry> findByOrganisationId(UUID organisationId);

    Optional<SoaEntry> findByOrganisationIdAndRequirement(UUID organisationId, String requirement);

    Optional<SoaEntry> findByIdAndOrganisationId(UUID id, UUID organisationId);
}
