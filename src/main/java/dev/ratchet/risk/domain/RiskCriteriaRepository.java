package dev.ratchet.risk.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.risk.CriteriaStatus;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RiskCriteriaRepository extends JpaRepository<RiskCriteria, UUID> {

    Optional<RiskCriteria> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<RiskCriteria> findFirstByOrganisationIdAndStatus(UUID organisationId, CriteriaStatus status);

    List<RiskCriteria> findByOrganisationIdOrderByNumberDesc(UUID organisationId);

    @Query("select coalesce(max(c.number), 0) from RiskCriteria c where c.organisationId = :organisationId")
    int lastNumber(UUID organisationId);
}
