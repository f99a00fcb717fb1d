package dev.ratchet.action;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ratchet.action.domain.ActionItem;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The tracker's filters as one query, on the indexes of the V3 migration (owner/status, status/due). */
final class ActionQuery {

    private ActionQuery() {
    }

    static Specification<ActionItem> of(UUID organisationId, ActionFilter f, LocalDate today) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (organisationId != null) { // only the weekly digest reads across organisations
                where.add(cb.equal(root.get("organisationId"), organisationId));
            }
            if (f.ownerId() != null) {
                where.add(cb.equal(root.get("ownerId"), f.ownerId()));
            }
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.openOnly() || Boolean.TRUE.equals(f.overdue())) {
                where.add(root.get("status").in(ActionStatus.OPEN, ActionStatus.IN_PROGRESS));
            }
            if (Boolean.TRUE.equals(f.overdue())) {
                where.add(cb.lessThan(root.get("dueDate"), today));
            }
            if (f.dueFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("dueDate"), f.dueFrom()));
            }
            if (f.dueTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("dueDate"), f.dueTo()));
            }
            if (f.originType() != null && !f.originType().isBlank()) {
                where.add(cb.equal(root.get("originType"), f.originType()));
            }
            if (f.areaId() != null) {
                where.add(cb.equal(root.get("areaId"), f.areaId()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
