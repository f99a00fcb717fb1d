package dev.ratchet.organisation.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationLogoRepository extends JpaRepository<OrganisationLogo, UUID> {

    Optional<OrganisationLogo> findByOrganisationId(UUID organisationId);
}
