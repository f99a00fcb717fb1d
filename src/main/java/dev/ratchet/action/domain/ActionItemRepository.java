package dev.ratchet.action.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.action.ActionStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ActionItemRepository extends JpaRepository<ActionItem, UUID> {

    Optional<ActionItem> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ActionItem> findByOrganisationIdAndOriginTypeAndOriginIdOrderByAttemptAscDueDateAsc(UUID organisationId,
            String originType, UUID originId);

    List<ActionItem> findByOrganisationIdAndOriginIdIn(UUID organisationId, List<UUID> originIds);

    @Query("""
            select a from ActionItem a where a.organisationId = :organisationId
            and (:ownerId is null or a.ownerId = :ownerId)
            and (:status is null or a.status = :status)
            and (:openOnly = false or a.status in (dev.ratchet.action.ActionStatus.OPEN, dev.ratchet.action.ActionStatus.IN_PROGRESS))""")
    Page<ActionItem> search(UUID organisationId, UUID ownerId, ActionStatus status, boolean openOnly, Pageable pageable);
}
