package dev.ratchet.identity.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SsoConnectionRepository extends JpaRepository<SsoConnection, UUID> {

    Optional<SsoConnection> findByOrganisationId(UUID organisationId);
}
