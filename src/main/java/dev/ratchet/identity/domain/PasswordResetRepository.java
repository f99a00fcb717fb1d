package dev.ratchet.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PasswordResetRepository extends JpaRepository<PasswordReset, UUID> {

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    long countByUserIdAndRequestedAtAfter(UUID userId, Instant since);

    List<PasswordReset> findByUserIdAndUsedAtIsNullAndExpiresAtAfter(UUID userId, Instant now);
}
