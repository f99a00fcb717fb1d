package dev.ratchet.policy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplianceCheckRepository extends JpaRepository<ComplianceCheck, UUID> {

    Optional<ComplianceCheck> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ComplianceCheck> findByPolicyIdOrderByTitle(UUID policyId);

    List<ComplianceCheck> findByOrganisationIdOrderByNextDue(UUID organisationId);
}
