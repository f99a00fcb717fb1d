package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ScimTokenRepository extends JpaRepository<ScimToken, UUID> {

    Optional<ScimToken> findByTokenHash(String tokenHash);

    Optional<ScimToken> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ScimToken> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

    /** Notes the use at most every few minutes, without a history entry (a single statement). */
    @Modifying
    @Query("update ScimToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int touch(UUID id, Instant now, Instant before);
}
