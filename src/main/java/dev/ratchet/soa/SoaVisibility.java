package dev.ratchet.soa;

import java.util.Set;
import java.util.UUID;

import dev.ratchet.evidence.EvidenceVisibility;
import dev.ratchet.history.HistoryVisibility;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Component;

/**
 * The Statement of Applicability as it is being edited, its history and its evidence files are read by every member
 * but a guest auditor, who receives the approved versions.
 */
@Component
class SoaVisibility implements HistoryVisibility, EvidenceVisibility {

    @Override
    public Set<String> recordTypes() {
        return Set.of("SoaEntry", "SoaVersion");
    }

    @Override
    public boolean mayRead(Tenant tenant, String recordType, String recordId) {
        return !tenant.onlyGuest();
    }

    @Override
    public String ownerType() {
        return SoaManagement.EVIDENCE_OWNER;
    }

    @Override
    public boolean mayRead(Tenant tenant, UUID ownerId, UUID fileId) {
        return !tenant.onlyGuest();
    }
}
