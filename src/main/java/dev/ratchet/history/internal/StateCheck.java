package dev.ratchet.history.internal;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.history.Change;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares every record as it is in its table with what its history says it is: for each field, the value of the
 * latest entry that changed it. A row edited behind Ratchet's back (SQL, a restore of one table) shows as the record
 * and field that differ, with both values; a row deleted behind its back as missing; a row added behind its back as
 * having no history. The chain check proves the history was not rewritten; this proves the records were not.
 * <p>
 * Fields the history skips (bookkeeping, redacted secrets, collections) are not compared. A field the history never
 * mentions was empty when the record was made; a value there that is not empty (or false, or 0, which columns added
 * by an upgrade are filled with) is reported.
 */
@Component
class StateCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };
    private static final int BATCH = 500;
    /** Enough for a reader to act on; the count says how many there are in all. */
    static final int MAX_REPORTED = Verification.MAX_LISTED;

    private final JdbcTemplate jdbc;
    private final SessionFactoryImplementor sessions;

    StateCheck(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        this.sessions = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    }

    record Result(long recordsChecked, long discrepancyCount, List<Verification.Discrepancy> discrepancies) {
    }

    Result check(UUID organisationId) {
        List<EntityPersister> persisters = new ArrayList<>();
        sessions.getMappingMetamodel().forEachEntityDescriptor(persisters::add);
        persisters.sort(java.util.Comparator.comparing(EntityPersister::getEntityName));
        boolean installation = HistoryManagement.INSTALLATION.equals(organisationId);
        long records = 0;
        long count = 0;
        List<Verification.Discrepancy> found = new ArrayList<>();
        try (StatelessSession session = sessions.unwrap(SessionFactory.class).openStatelessSession()) {
            for (EntityPersister persister : persisters) {
                Class<?> type = persister.getMappedClass();
                if (OrganisationScoped.class.isAssignableFrom(type) == installation) {
                    continue;
                }
                String recordType = type.getSimpleName();
                Set<String> present = new LinkedHashSet<>();
                String id = persister.getIdentifierPropertyName();
                // The organisation's own record is scoped by its id.
                String scope = java.util.Arrays.asList(persister.getPropertyNames()).contains("organisationId") ? "organisationId" : id;
                String hql = "from " + persister.getEntityName() + " e" + (installation ? "" : " where e." + scope + " = :organisation")
                        + " order by e." + id;
                for (int first = 0; ; first += BATCH) {
                    var query = session.createSelectionQuery(hql, Object.class).setFirstResult(first).setMaxResults(BATCH);
                    if (!installation) {
                        query.setParameter("organisation", organisationId);
                    }
                    List<Object> batch = query.getResultList();
                    if (batch.isEmpty()) {
                        break;
                    }
                    Map<String, Object> byId = new LinkedHashMap<>();
                    for (Object entity : batch) {
                        byId.put(String.valueOf(persister.getIdentifier(entity, (org.hibernate.engine.spi.SharedSessionContractImplementor) session)), entity);
                    }
                    present.addAll(byId.keySet());
                    Map<String, Expected> expected = expected(organisationId, recordType, byId.keySet());
                    for (Map.Entry<String, Object> row : byId.entrySet()) {
                        records++;
                        for (Verification.Discrepancy d : compare(persister, recordType, row.getKey(), row.getValue(), expected.get(row.getKey()))) {
                            count++;
                            if (found.size() < MAX_REPORTED) {
                                found.add(d);
                            }
                        }
                    }
                    if (batch.size() < BATCH) {
                        break;
                    }
                }
                for (String gone : missing(organisationId, recordType, present)) {
                    count++;
                    if (found.size() < MAX_REPORTED) {
                        found.add(new Verification.Discrepancy(recordType, gone, null, "exists", "missing: deleted outside Ratchet"));
                    }
                }
            }
        }
        return new Result(records, count, found);
    }

    /** What the history says of each record: its fields' latest values, and whether it was deleted. */
    private static final class Expected {
        final Map<String, String> fields = new HashMap<>();
        boolean deleted;
    }

    private Map<String, Expected> expected(UUID organisationId, String recordType, Set<String> ids) {
        Map<String, Expected> expected = new HashMap<>();
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        args.add(recordType);
        args.addAll(ids);
        jdbc.query("select record_id, action, changes from history_entry where organisation_id = ? and record_type = ? and record_id in ("
                + in + ") order by seq", rs -> {
                    Expected e = expected.computeIfAbsent(rs.getString(1), k -> new Expected());
                    if ("DELETE".equals(rs.getString(2))) {
                        e.deleted = true;
                        e.fields.clear();
                        return;
                    }
                    e.deleted = false;
                    for (Change change : JSON.readValue(rs.getString(3), CHANGES)) {
                        e.fields.put(change.field(), change.after());
                    }
                }, args.toArray());
        return expected;
    }

    private List<Verification.Discrepancy> compare(EntityPersister persister, String recordType, String recordId, Object entity, Expected expected) {
        List<Verification.Discrepancy> out = new ArrayList<>();
        if (expected == null) {
            out.add(new Verification.Discrepancy(recordType, recordId, null, "no entry", "exists: added outside Ratchet"));
            return out;
        }
        if (expected.deleted) {
            out.add(new Verification.Discrepancy(recordType, recordId, null, "deleted", "exists: restored outside Ratchet"));
            return out;
        }
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        Object[] values = persister.getValues(entity);
        Map<String, Field> fields = HistoryListener.fieldsOf(entity.getClass());
        for (int i = 0; i < names.length; i++) {
            Field field = fields.get(names[i]);
            // What the history leaves out, or keeps only as "[redacted]", cannot be compared.
            if (HistoryListener.ignored(persister, i, field) || HistoryListener.redacted(field) || types[i].isCollectionType()) {
                continue;
            }
            if (types[i] instanceof ComponentType component) {
                String[] parts = component.getPropertyNames();
                Object[] partValues = values[i] == null ? new Object[parts.length] : component.getPropertyValues(values[i]);
                for (int p = 0; p < parts.length; p++) {
                    same(out, recordType, recordId, names[i] + "." + parts[p], expected, partValues[p]);
                }
            }
            else {
                same(out, recordType, recordId, names[i], expected, values[i]);
            }
        }
        return out;
    }

    private static void same(List<Verification.Discrepancy> out, String recordType, String recordId, String field, Expected expected, Object value) {
        String is = HistoryListener.text(value);
        if (!expected.fields.containsKey(field)) {
            if (is != null && !is.isEmpty() && !"false".equals(is) && !"0".equals(is)) {
                out.add(new Verification.Discrepancy(recordType, recordId, field, "(never set)", is));
            }
            return;
        }
        String was = expected.fields.get(field);
        if (!alike(was, is)) {
            out.add(new Verification.Discrepancy(recordType, recordId, field, was, is));
        }
    }

    /** Equal, or the same time to the microsecond (what the database keeps, rounded), or the same number. */
    static boolean alike(String history, String record) {
        if (Objects.equals(history, record)) {
            return true;
        }
        if (history == null || record == null) {
            return false;
        }
        for (java.util.function.Function<String, Instant> parse : List.<java.util.function.Function<String, Instant>>of(Instant::parse,
                t -> OffsetDateTime.parse(t).toInstant(), t -> LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC),
                t -> LocalTime.parse(t).atDate(java.time.LocalDate.EPOCH).toInstant(java.time.ZoneOffset.UTC))) {
            try {
                return java.time.Duration.between(parse.apply(history), parse.apply(record)).abs().toNanos() < 1_000;
            }
            catch (RuntimeException notThisKind) {
                // try the next
            }
        }
        try {
            return new BigDecimal(history).compareTo(new BigDecimal(record)) == 0;
        }
        catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Records the history says exist (made, never deleted) that are not in their table. */
    private List<String> missing(UUID organisationId, String recordType, Set<String> present) {
        List<String> gone = new ArrayList<>();
        jdbc.query("""
                select record_id from history_entry h where organisation_id = ? and record_type = ? and action = 'CREATE'
                and not exists (select 1 from history_entry d where d.organisation_id = h.organisation_id and d.record_type = h.record_type
                    and d.record_id = h.record_id and d.action = 'DELETE' and d.seq > h.seq)""", rs -> {
                    if (!present.contains(rs.getString(1))) {
                        gone.add(rs.getString(1));
                    }
                }, organisationId, recordType);
        return gone;
    }
}
