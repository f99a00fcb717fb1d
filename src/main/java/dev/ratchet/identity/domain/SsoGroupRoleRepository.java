package dev.ratchet.identity.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SsoGroupRoleRepository extends JpaRepository<SsoGroupRole, UUID> {

    List<SsoGroupRole> findByOrganisationIdOrderByGroupName(UUID organisationId);
}
