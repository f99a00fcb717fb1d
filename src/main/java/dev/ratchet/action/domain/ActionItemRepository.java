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

    /** Open actions due by the day, across organisations, in id order: the reminder job's first page. */
    @org.springframework.data.jpa.repository.Query("""
            select a from ActionItem a where a.status in (dev.ratchet.action.ActionStatus.OPEN, dev.ratchet.action.ActionStatus.IN_PROGRESS)
            and a.dueDate <= :horizon order by a.id""")
    List<ActionItem> openDueBy(java.time.LocalDate horizon, org.springframework.data.domain.Pageable page);

    /** The next page: those after {@code after} in id order. */
    @org.springframework.data.jpa.repository.Query("""
            select a from ActionItem a where a.status in (dev.ratchet.action.ActionStatus.OPEN, dev.ratchet.action.ActionStatus.IN_PROGRESS)
            and a.dueDate <= :horizon and a.id > :after order by a.id""")
    List<ActionItem> openDueByAfter(java.time.LocalDate horizon, UUID after, org.springframework.data.domain.Pageable page);
}
