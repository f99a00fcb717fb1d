package dev.ratchet.risk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ratchet.risk.RiskFilter;
import dev.ratchet.risk.RiskStatus;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** The register's filters as one database query; the common ones have an index (V43). */
public final class RiskQuery {

    private RiskQuery() {
    }

    /** {@code unacceptable}: the level indexes nobody may accept under the criteria in force. */
    public static Specification<Risk> of(UUID organisationId, RiskFilter f, LocalDate today, List<Integer> unacceptable) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("organisationId"), organisationId));
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.ownerId() != null) {
                where.add(cb.equal(root.get("ownerId"), f.ownerId()));
            }
            if (f.category() != null && !f.category().isBlank()) {
                where.add(cb.equal(root.get("category"), f.category().strip()));
            }
            if (f.level() != null) {
                where.add(cb.equal(root.get("currentLevel"), f.level()));
            }
            String prefix = f.inherent() ? "inherent" : "current";
            if (f.likelihood() != null) {
                where.add(cb.equal(root.get(prefix + "Likelihood"), f.likelihood()));
            }
            if (f.impact() != null) {
                where.add(cb.equal(root.get(prefix + "Impact"), f.impact()));
            }
            if ((f.likelihood() != null || f.impact() != null) && f.status() == null) {
                where.add(cb.notEqual(root.get("status"), RiskStatus.CLOSED)); // as the heat map counts
            }
            if (f.treatment() != null) {
                where.add(cb.equal(root.get("treatment"), f.treatment()));
            }
            if (Boolean.TRUE.equals(f.overdue())) {
                where.add(cb.lessThan(root.get("nextAssessmentDue"), today));
                where.add(cb.notEqual(root.get("status"), RiskStatus.CLOSED));
            }
            if (Boolean.TRUE.equals(f.aboveAcceptance())) {
                where.add(unacceptable.isEmpty() ? cb.disjunction() : root.get("currentLevel").in(unacceptable));
                where.add(cb.notEqual(root.get("status"), RiskStatus.CLOSED));
            }
            if (f.requirement() != null && !f.requirement().isBlank()) {
                where.add(cb.isMember(f.requirement().strip(), root.get("requirementIndex")));
            }
            if (f.q() != null && !f.q().isBlank()) {
                String pattern = "%" + f.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'), cb.like(cb.lower(root.get("reference")), pattern, '\\'),
                        cb.like(cb.lower(root.get("threat")), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
