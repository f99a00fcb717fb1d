package dev.ratchet.policy;

import java.util.Set;

import dev.ratchet.history.HistoryVisibility;
import dev.ratchet.policy.domain.PolicyVersionRepository;
import dev.ratchet.shared.Ids;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/** A guest auditor reads the history of approved and superseded policy versions only, as on the policy's page. */
@Component
class PolicyHistoryVisibility implements HistoryVisibility {

    private final PolicyVersionRepository versions;

    PolicyHistoryVisibility(PolicyVersionRepository versions) {
        this.versions = versions;
    }

    @Override
    public Set<String> recordTypes() {
        return Set.of("PolicyVersion");
    }

    @Override
    public boolean mayRead(Tenant tenant, String recordType, String recordId) {
        return !tenant.onlyGuest() || Ids.parse(recordId).flatMap(versions::findById)
                .filter(v -> v.getOrganisationId().equals(tenant.organisationId()))
                .map(v -> v.getStatus() == VersionStatus.APPROVED || v.getStatus() == VersionStatus.SUPERSEDED).orElse(false);
    }
}
