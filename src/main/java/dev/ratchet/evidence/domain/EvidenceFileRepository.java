package dev.ratchet.evidence.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceFileRepository extends JpaRepository<EvidenceFile, UUID> {

    Optional<EvidenceFile> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<EvidenceFile> findByOrganisationIdAndOwnerIdOrderByEvidenceDateDescUploadedAtDesc(UUID organisationId, UUID ownerId);

    List<EvidenceFile> findByOrganisationIdAndOwnerIdInOrderByEvidenceDateDescUploadedAtDesc(UUID organisationId, java.util.Collection<UUID> ownerIds);
}
