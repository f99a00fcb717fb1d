package dev.ratchet.policy.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyNoncomplianceRepository extends JpaRepository<PolicyNoncompliance, UUID> {

    List<PolicyNoncompliance> findByPolicyIdOrderByFoundOnDesc(UUID policyId);

    List<PolicyNoncompliance> findByOrganisationIdOrderByFoundOnDesc(UUID organisationId);
}
