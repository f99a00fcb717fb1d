package dev.ratchet.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScimGroupRepository extends JpaRepository<ScimGroup, UUID> {

    Optional<ScimGroup> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ScimGroup> findByOrganisationIdOrderByDisplayName(UUID organisationId);
}
