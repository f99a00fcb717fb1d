package dev.ratchet.policy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyRepository extends JpaRepository<Policy, UUID> {

    Optional<Policy> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Page<Policy> findByOrganisationId(UUID organisationId, Pageable pageable);

    List<Policy> findByOrganisationIdAndGenerated(UUID organisationId, boolean generated);
}
