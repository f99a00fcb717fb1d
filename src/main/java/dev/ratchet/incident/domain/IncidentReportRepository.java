package dev.ratchet.incident.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentReportRepository extends JpaRepository<IncidentReport, UUID> {

    List<IncidentReport> findByOrganisationIdAndIncidentIdOrderByPosition(UUID organisationId, UUID incidentId);
}
