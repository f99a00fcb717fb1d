package dev.ratchet.soa.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.soa.VersionStatus;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SoaVersionRepository extends JpaRepository<SoaVersion, UUID> {

    List<SoaVersion> findByOrganisationIdOrderByNumberDesc(UUID organisationId);

    Optional<SoaVersion> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<SoaVersion> findFirstByOrganisationIdAndStatus(UUID organisationId, VersionStatus status);

    @Query("select coalesce(max(v.number), 0) from SoaVersion v where v.organisationId = :organisationId")
    int lastNumber(UUID organisationId);
}
