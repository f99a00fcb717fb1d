package dev.ratchet.policy;

import java.util.UUID;

import dev.ratchet.evidence.EvidenceVisibility;
import dev.ratchet.policy.domain.PolicyVersionRepository;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/** A policy version's file is read like the version: by a guest auditor once it is approved (or superseded). */
@Component
class PolicyFileVisibility implements EvidenceVisibility {

    private final PolicyVersionRepository versions;

    PolicyFileVisibility(PolicyVersionRepository versions) {
        this.versions = versions;
    }

    @Override
    public String ownerType() {
        return PolicyManagement.FILE_OWNER;
    }

    @Override
    public boolean mayRead(Tenant tenant, UUID policyId, UUID fileId) {
        return !tenant.onlyGuest() || versions.findByPolicyIdOrderByCreatedAtDesc(policyId).stream()
                .filter(v -> fileId.equals(v.getFileId()) && tenant.organisationId().equals(v.getOrganisationId()))
                .anyMatch(v -> v.getStatus() == VersionStatus.APPROVED || v.getStatus() == VersionStatus.SUPERSEDED);
    }
}
