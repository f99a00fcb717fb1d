package dev.ratchet.improvement.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ratchet.improvement.RegisterFilter;
import dev.ratchet.improvement.Status;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The register's filters as one database query; each filter has an index (see V3 migration). */
public final class RegisterQuery {

    private RegisterQuery() {
    }

    /**
     * The filters, the requirement filter reaching {@code requirements}: the requirement asked for, those under it and
     * those mapped to them (a record naming any of them is found, by the index on (requirement, record)).
     */
    public static Specification<ImprovementRecord> of(UUID organisationId, RegisterFilter f, java.util.Collection<String> requirements,
            LocalDate today, ZoneId zone) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("organisationId"), organisationId));
            if (f.kind() != null) {
                where.add(cb.equal(root.get("kind"), f.kind()));
            }
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (Boolean.TRUE.equals(f.open())) {
                where.add(root.get("status").in(Status.REJECTED, Status.CLOSED).not());
            }
            if (f.grade() != null) {
                where.add(cb.equal(root.get("grade"), f.grade()));
            }
            if (Boolean.TRUE.equals(f.ungraded())) {
                where.add(cb.isNull(root.get("grade")));
            }
            if (f.source() != null) {
                where.add(cb.equal(root.get("source"), f.source()));
            }
            if (f.areaId() != null) {
                where.add(cb.equal(root.get("areaId"), f.areaId()));
            }
            if (f.ownerId() != null) {
                where.add(cb.equal(root.get("ownerId"), f.ownerId()));
            }
            if (requirements != null && !requirements.isEmpty()) {
                jakarta.persistence.criteria.Subquery<Integer> named = query.subquery(Integer.class);
                jakarta.persistence.criteria.Root<ImprovementRecord> same = named.correlate(root);
                jakarta.persistence.criteria.Join<ImprovementRecord, String> requirement = same.join("requirementIndex");
                named.select(cb.literal(1)).where(requirement.in(requirements));
                where.add(cb.exists(named));
            }
            if (Boolean.TRUE.equals(f.overdue())) {
                where.add(cb.lessThan(root.get("targetDate"), today));
                where.add(root.get("status").in(Status.REJECTED, Status.CLOSED).not());
            }
            if (f.raisedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("raisedAt"), f.raisedFrom().atStartOfDay(zone).toInstant()));
            }
            if (f.raisedTo() != null) {
                where.add(cb.lessThan(root.get("raisedAt"), f.raisedTo().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            if (f.text() != null && !f.text().isBlank()) {
                String pattern = "%" + f.text().strip().toLowerCase(Locale.ROOT) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("title")), pattern),
                        cb.like(cb.lower(root.get("description")), pattern),
                        cb.like(cb.lower(root.get("reference")), pattern)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
