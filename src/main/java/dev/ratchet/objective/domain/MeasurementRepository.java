package dev.ratchet.objective.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasurementRepository extends JpaRepository<Measurement, UUID> {

    List<Measurement> findByObjectiveIdOrderByMeasuredOnAsc(UUID objectiveId);

    List<Measurement> findByObjectiveIdInOrderByMeasuredOnAsc(Collection<UUID> objectiveIds);

    @org.springframework.data.jpa.repository.Query("select m.measuredOn from Measurement m where m.objectiveId = :objectiveId")
    java.util.Set<LocalDate> measuredOn(UUID objectiveId);

    Optional<Measurement> findByObjectiveIdAndMeasuredOn(UUID objectiveId, LocalDate measuredOn);

    Optional<Measurement> findByIdAndObjectiveIdAndOrganisationId(UUID id, UUID objectiveId, UUID organisationId);
}
