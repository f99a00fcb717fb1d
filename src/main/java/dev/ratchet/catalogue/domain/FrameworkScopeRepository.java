package dev.ratchet.catalogue.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FrameworkScopeRepository extends JpaRepository<FrameworkScope, UUID> {

    Optional<FrameworkScope> findByOrganisationId(UUID organisationId);
}
