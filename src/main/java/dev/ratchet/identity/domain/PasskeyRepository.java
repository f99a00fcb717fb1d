package dev.ratchet.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PasskeyRepository extends JpaRepository<Passkey, UUID> {

    Optional<Passkey> findByCredentialId(String credentialId);

    List<Passkey> findByUserIdOrderByCreatedAt(UUID userId);

    boolean existsByUserId(UUID userId);
}
