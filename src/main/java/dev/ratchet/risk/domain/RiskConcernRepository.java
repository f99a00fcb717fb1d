package dev.ratchet.risk.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RiskConcernRepository extends JpaRepository<RiskConcern, UUID> {

    List<RiskConcern> findByRiskIdOrderByRequestedAtDesc(UUID riskId);

    List<RiskConcern> findByOrganisationIdAndRecordId(UUID organisationId, UUID recordId);

    boolean existsByRiskIdAndRecordId(UUID riskId, UUID recordId);
}
