package dev.ratchet.improvement.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds records probably about the same problem: records sharing the query's rarer terms score higher (inverse
 * document frequency); a shared requirement or area counts like a word. Terms carried by more than 8 % of the
 * organisation's records say little and are left out, at most the ten rarest are used, and no query reads more
 * than {@link #MAX_POSTINGS} index entries, which bounds the work whatever the register's size (see
 * bench/similar-records.sh).
 */
@Component
public class SimilarityIndex {

    static final int MAX_TERMS = 10;
    static final double TOO_COMMON = 0.08;

    /** The most index entries one query reads, whatever the register's size: the rarest terms are read first. */
    static final long MAX_POSTINGS = 30_000;

    private final JdbcTemplate jdbc;

    SimilarityIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Match(UUID recordId, double score) {
    }

    static final String RECORDS = "#";

    /**
     * Replaces the record's terms and keeps the per-term counts; called in the transaction that saves the record.
     * Counts are changed in term order, so two saves never wait on each other in opposite orders.
     */
    public void index(UUID organisationId, UUID recordId, Collection<String> terms) {
        java.util.Set<String> old = new java.util.TreeSet<>(jdbc.queryForList(
                "select term from improvement_term where record_id = ?", String.class, recordId));
        java.util.Set<String> now = new java.util.TreeSet<>(terms);
        java.util.Set<String> removed = new java.util.TreeSet<>(old);
        removed.removeAll(now);
        java.util.Set<String> added = new java.util.TreeSet<>(now);
        added.removeAll(old);
        if (old.isEmpty()) {
            added.add(RECORDS);
        }
        for (String term : removed) {
            jdbc.update("delete from improvement_term where record_id = ? and organisation_id = ? and term = ?",
                    recordId, organisationId, term);
        }
        jdbc.batchUpdate("update improvement_term_stat set records = records - 1 where organisation_id = ? and term = ?",
                removed.stream().map(t -> new Object[] { organisationId, t }).toList());
        jdbc.batchUpdate("insert into improvement_term (organisation_id, term, record_id) values (?, ?, ?)",
                added.stream().filter(t -> !RECORDS.equals(t)).map(t -> new Object[] { organisationId, t, recordId }).toList());
        jdbc.batchUpdate("insert into improvement_term_stat (organisation_id, term, records) values (?, ?, 0) on conflict do nothing",
                added.stream().map(t -> new Object[] { organisationId, t }).toList());
        jdbc.batchUpdate("update improvement_term_stat set records = records + 1 where organisation_id = ? and term = ?",
                added.stream().map(t -> new Object[] { organisationId, t }).toList());
    }

    /**
     * Indexes records that have no terms yet, a batch at a time (a migration): one batch of term rows, and the number
     * of records that carry each term added to {@code counts}. The counts are raised by {@link #raiseCounts} once the
     * whole work is done: the count rows are shared by every record of the organisation (one counts all records), so
     * locking them at the first batch would hold up every report of the organisation until the work commits.
     */
    public void indexNew(UUID organisationId, java.util.Map<UUID, ? extends Collection<String>> termsByRecord,
            java.util.Map<String, Integer> counts) {
        List<Object[]> rows = new java.util.ArrayList<>();
        termsByRecord.forEach((recordId, terms) -> {
            new java.util.TreeSet<>(terms).stream().filter(t -> !RECORDS.equals(t)).forEach(t -> {
                rows.add(new Object[] { organisationId, t, recordId });
                counts.merge(t, 1, Integer::sum);
            });
            counts.merge(RECORDS, 1, Integer::sum);
        });
        jdbc.batchUpdate("insert into improvement_term (organisation_id, term, record_id) values (?, ?, ?)", rows);
    }

    /** Raises each count once by the number of records gathered for it, in term order (see {@link #indexNew}). */
    public void raiseCounts(UUID organisationId, java.util.Map<String, Integer> gathered) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>(gathered);
        jdbc.batchUpdate("insert into improvement_term_stat (organisation_id, term, records) values (?, ?, 0) on conflict do nothing",
                counts.keySet().stream().map(t -> new Object[] { organisationId, t }).toList());
        jdbc.batchUpdate("update improvement_term_stat set records = records + ? where organisation_id = ? and term = ?",
                counts.entrySet().stream().map(e -> new Object[] { e.getValue(), organisationId, e.getKey() }).toList());
    }

    /** Takes records out of the index (a migration undone): their terms, and their part of every count. */
    public void remove(UUID organisationId, Collection<UUID> recordIds) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (UUID recordId : recordIds) {
            jdbc.queryForList("select term from improvement_term where record_id = ? and organisation_id = ?", String.class, recordId, organisationId)
                    .forEach(t -> counts.merge(t, 1, Integer::sum));
            counts.merge(RECORDS, 1, Integer::sum);
        }
        jdbc.batchUpdate("delete from improvement_term where record_id = ? and organisation_id = ?",
                recordIds.stream().map(id -> new Object[] { id, organisationId }).toList());
        jdbc.batchUpdate("update improvement_term_stat set records = records - ? where organisation_id = ? and term = ?",
                counts.entrySet().stream().map(e -> new Object[] { e.getValue(), organisationId, e.getKey() }).toList());
    }

    /** The best matches, best first, with a score from 0 to 1 (the share of the query's weight they match). */
    public List<Match> similar(UUID organisationId, Collection<String> terms, UUID excluding, int limit) {
        if (terms.isEmpty()) {
            return List.of();
        }
        String in = terms.stream().map(t -> "?").collect(Collectors.joining(","));
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        args.add(RECORDS);
        args.addAll(terms);
        Map<String, Long> frequency = new HashMap<>();
        jdbc.query("select term, records from improvement_term_stat where organisation_id = ? and term in (?, " + in + ")",
                rs -> {
                    frequency.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        long records = frequency.getOrDefault(RECORDS, 0L);
        frequency.remove(RECORDS);
        if (records <= 1) {
            return List.of();
        }
        long ceiling = Math.max(3, (long) (records * TOO_COMMON));
        Map<String, Double> weights = new HashMap<>();
        frequency.entrySet().stream()
                .filter(e -> e.getValue() > 0 && e.getValue() <= ceiling && !(e.getValue() == 1 && excluding != null))
                .sorted(Map.Entry.comparingByValue())
                .limit(MAX_TERMS)
                .filter(new java.util.function.Predicate<Map.Entry<String, Long>>() {
                    long postings;

                    @Override
                    public boolean test(Map.Entry<String, Long> e) {
                        postings += e.getValue();
                        return postings <= MAX_POSTINGS || postings == e.getValue();
                    }
                })
                .forEach(e -> weights.put(e.getKey(), Math.log((double) records / e.getValue())));
        if (weights.isEmpty()) {
            return List.of();
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        // Scores are summed here rather than by the database: index range scans (one statement, the terms as a list)
        // and a hash map beat a GROUP BY over the same rows on H2 by an order of magnitude, and cost the same on
        // PostgreSQL.
        Map<UUID, Double> scores = new HashMap<>();
        List<Object> lookup = new ArrayList<>();
        lookup.add(organisationId);
        lookup.addAll(weights.keySet());
        jdbc.query("select term, record_id from improvement_term where organisation_id = ? and term in ("
                + String.join(", ", java.util.Collections.nCopies(weights.size(), "?")) + ")", rs -> {
                    UUID record = rs.getObject(2, UUID.class);
                    if (!record.equals(excluding)) {
                        scores.merge(record, weights.get(rs.getString(1)), Double::sum);
                    }
                }, lookup.toArray());
        return scores.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(1, Math.min(limit, 50)))
                .map(e -> new Match(e.getKey(), Math.min(1.0, e.getValue() / total)))
                .toList();
    }
}
