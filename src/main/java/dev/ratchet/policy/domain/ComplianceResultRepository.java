package dev.ratchet.policy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplianceResultRepository extends JpaRepository<ComplianceResult, UUID> {

    List<ComplianceResult> findByCheckIdInOrderByCheckedOnDesc(Collection<UUID> checkIds);

    List<ComplianceResult> findByOrganisationIdAndCheckedOnBetweenOrderByCheckedOn(UUID organisationId, LocalDate from, LocalDate to);
}
