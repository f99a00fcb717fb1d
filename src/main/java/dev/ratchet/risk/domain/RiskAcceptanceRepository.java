package dev.ratchet.risk.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.risk.AcceptanceStatus;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RiskAcceptanceRepository extends JpaRepository<RiskAcceptance, UUID> {

    List<RiskAcceptance> findByRiskIdOrderByAcceptedAtDesc(UUID riskId);

    Optional<RiskAcceptance> findFirstByRiskIdAndStatus(UUID riskId, AcceptanceStatus status);

    List<RiskAcceptance> findTop500ByStatusAndExpiresOnBeforeOrderByExpiresOn(AcceptanceStatus status, LocalDate day);

    List<RiskAcceptance> findByOrganisationIdAndStatus(UUID organisationId, AcceptanceStatus status);
}
