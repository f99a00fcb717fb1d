package dev.ratchet.improvement.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ImprovementRecordRepository extends JpaRepository<ImprovementRecord, UUID>,
        JpaSpecificationExecutor<ImprovementRecord> {

    Optional<ImprovementRecord> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ImprovementRecord> findByOrganisationIdAndMigrationId(UUID organisationId, UUID migrationId);

    /** The tracker references already in the register, with the record each came in as. */
    @org.springframework.data.jpa.repository.Query("select r.trackerReference, r.reference from ImprovementRecord r"
            + " where r.organisationId = ?1 and r.trackerReference is not null")
    List<Object[]> trackerReferences(UUID organisationId);

    List<ImprovementRecord> findByOrganisationIdAndSourceIdOrderByRaisedAtDesc(UUID organisationId, UUID sourceId);

    List<ImprovementRecord> findByOrganisationIdAndIdIn(UUID organisationId, List<UUID> ids);

    List<ImprovementRecord> findByOrganisationIdAndReferenceIn(UUID organisationId, List<String> references);
}
