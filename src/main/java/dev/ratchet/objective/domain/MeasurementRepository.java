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

    @org.springframework.data.jpa.repository.Query(value = "select new dev.ratchet.objective.MeasurementRow(o.reference, m.measuredOn,"
            + " m.measuredValue, m.commentText) from Measurement m, Objective o where o.id = m.objectiveId and m.organisationId = ?1"
            + " order by o.reference, m.measuredOn",
            countQuery = "select count(m) from Measurement m where m.organisationId = ?1")
    org.springframework.data.domain.Page<dev.ratchet.objective.MeasurementRow> rows(UUID organisationId,
            org.springframework.data.domain.Pageable pageable);

    Optional<Measurement> findByObjectiveIdAndMeasuredOn(UUID objectiveId, LocalDate measuredOn);

    Optional<Measurement> findByIdAndObjectiveIdAndOrganisationId(UUID id, UUID objectiveId, UUID organisationId);
}
