package dev.ratchet.risk.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RiskTreatmentRepository extends JpaRepository<RiskTreatment, UUID> {

    List<RiskTreatment> findByRiskId(UUID riskId);

    List<RiskTreatment> findByOrganisationId(UUID organisationId);
}
