package dev.ratchet.improvement.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrackerImportRepository extends JpaRepository<TrackerImport, UUID> {

    List<TrackerImport> findTop20ByOrganisationIdOrderByImportedAtDesc(UUID organisationId);

    Optional<TrackerImport> findByIdAndOrganisationId(UUID id, UUID organisationId);
}
