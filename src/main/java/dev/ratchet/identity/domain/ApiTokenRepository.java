package dev.ratchet.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByIdAndUserId(UUID id, UUID userId);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    /**
     * Notes a token's use without its version: two calls with one token at the same moment must not make either
     * fail on the bookkeeping of when it was last used.
     */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1"
            + " and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
    int touch(UUID id, java.time.Instant now, java.time.Instant before);
}
