package dev.ratchet.policy.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyVersionRepository extends JpaRepository<PolicyVersion, UUID> {

    /** Newest first: by creation, since approval renumbers a draft. */
    List<PolicyVersion> findByPolicyIdOrderByCreatedAtDesc(UUID policyId);

    List<PolicyVersion> findByPolicyIdInOrderByCreatedAtDesc(Collection<UUID> policyIds);
}
