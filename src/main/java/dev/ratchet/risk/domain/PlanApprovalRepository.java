package dev.ratchet.risk.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanApprovalRepository extends JpaRepository<PlanApproval, UUID> {

    List<PlanApproval> findByOrganisationIdOrderByNumberDesc(UUID organisationId);

    Optional<PlanApproval> findByIdAndOrganisationId(UUID id, UUID organisationId);

    @Query("select coalesce(max(a.number), 0) from PlanApproval a where a.organisationId = :organisationId")
    int lastNumber(UUID organisationId);
}
