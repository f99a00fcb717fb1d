package dev.ratchet.shared;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * A register's page as Spring Data reads it (filtered, sorted and cut in the database; not counted when the first page
 * is not full), but counted as {@code count(1)} rather than {@code count(id)}: PostgreSQL answers that from the
 * narrowest index on the organisation (an index-only scan) instead of reading every row of the organisation to see its
 * id, which at 100,000 records is the difference between 15 and 100 ms.
 */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> of(EntityManager entityManager, Class<T> type, Specification<T> specification, Pageable pageable) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        Predicate where = specification.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        query.select(root).orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<T> content = pageable.isUnpaged() ? entityManager.createQuery(query).getResultList()
                : entityManager.createQuery(query).setFirstResult(Math.toIntExact(pageable.getOffset()))
                        .setMaxResults(pageable.getPageSize()).getResultList();
        return PageableExecutionUtils.getPage(content, pageable, () -> count(entityManager, type, specification));
    }

    private static <T> long count(EntityManager entityManager, Class<T> type, Specification<T> specification) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<T> root = query.from(type);
        Predicate where = specification.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        query.select(cb.count(cb.literal(1)));
        return entityManager.createQuery(query).getSingleResult();
    }
}
