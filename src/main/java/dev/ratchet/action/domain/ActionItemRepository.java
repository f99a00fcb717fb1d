package dev.ratchet.action.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionItemRepository extends JpaRepository<ActionItem, UUID>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<ActionItem> {

    Optional<ActionItem> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ActionItem> findByOrganisationIdAndOriginTypeAndOriginIdOrderByAttemptAscDueDateAsc(UUID organisationId,
            String originType, UUID originId);

    List<ActionItem> findByOrganisationIdAndOriginTypeAndOriginIdIn(UUID organisationId, String originType,
            java.util.Collection<UUID> originIds);

    List<ActionItem> findByOrganisationIdAndOriginIdIn(UUID organisationId, List<UUID> originIds);
}
