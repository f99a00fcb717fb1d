package dev.ratchet.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.history.Change;
import dev.ratchet.history.HistoryEntry;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to an organisation's chain and reads and verifies it. Appending locks the chain's head row, so
 * entries of one organisation are numbered without gaps even when several instances write at once.
 */
@Service
class HistoryStore implements HistoryManagement {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final List<dev.ratchet.history.HistoryVisibility> visibilities;
    private final HistoryAnchors anchors;
    private final StateCheck states;

    HistoryStore(JdbcTemplate jdbc, List<dev.ratchet.history.HistoryVisibility> visibilities, HistoryAnchors anchors, StateCheck states) {
        this.visibilities = visibilities;
        this.jdbc = jdbc;
        this.anchors = anchors;
        this.states = states;
    }

    /** Called inside the transaction that makes the change, on its own connection. */
    static void append(Connection connection, UUID organisationId, String recordType, String recordId,
            String parentId, HistoryEntry.Action action, UUID actorId, String actorName, Instant when, List<Change> changes)
            throws SQLException {
        Bulk one = new Bulk(organisationId);
        one.pending().add(new Bulk.Pending(recordType, recordId, parentId, action, actorId, actorName, when, json(changes)));
        appendAll(connection, one);
    }

    /** The changes as stored in an entry (and hashed): written once, when the change is made. */
    static String json(List<Change> changes) {
        return JSON.writeValueAsString(changes);
    }

    @Override
    public <T> T inBulk(UUID organisationId, java.util.function.Supplier<T> work) {
        if (Bulk.CURRENT.get() != null) {
            throw new IllegalStateException("Bulk history work does not nest");
        }
        Bulk.CURRENT.set(new Bulk(organisationId));
        try {
            T result = work.get();
            appendBulk();
            return result;
        }
        finally {
            Bulk.CURRENT.remove();
        }
    }

    /** The gathered entries, appended with one lock of the chain's head, held from here to the commit only. */
    private void appendBulk() {
        Bulk bulk = Bulk.CURRENT.get();
        if (bulk == null || bulk.pending().isEmpty()) {
            return;
        }
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            appendAll(connection, bulk);
            return null;
        });
        bulk.pending().clear();
    }

    /** The gathered entries after the chain's head (locked once, on the first batch), in one batch of inserts. */
    private static void appendAll(Connection connection, Bulk bulk) throws SQLException {
        UUID organisationId = bulk.organisationId();
        if (bulk.lastSequence < 0) {
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_seq, last_hash from history_chain where organisation_id = ? for update")) {
                head.setObject(1, organisationId);
                try (ResultSet rs = head.executeQuery()) {
                    if (rs.next()) {
                        bulk.lastSequence = rs.getLong(1);
                        bulk.lastHash = rs.getString(2);
                    }
                    else {
                        bulk.lastSequence = 0;
                        bulk.lastHash = ChainHash.GENESIS;
                        try (PreparedStatement start = connection.prepareStatement(
                                "insert into history_chain (organisation_id, last_seq, last_hash) values (?, 0, ?)")) {
                            start.setObject(1, organisationId);
                            start.setString(2, bulk.lastHash);
                            start.executeUpdate();
                        }
                    }
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into history_entry (id, organisation_id, seq, record_type, record_id, action, actor_id,
                    actor_name, occurred_at, changes, previous_hash, hash, parent_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int inBatch = 0;
            for (Bulk.Pending p : bulk.pending()) {
                long sequence = bulk.lastSequence + 1;
                Instant occurredAt = p.when().truncatedTo(ChronoUnit.MILLIS);
                String changesJson = p.changesJson();
                String hash = ChainHash.of(bulk.lastHash, organisationId, sequence, p.recordType(), p.recordId(), p.parentId(),
                        p.action().name(), p.actorId(), p.actorName(), occurredAt, changesJson);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, organisationId);
                insert.setLong(3, sequence);
                insert.setString(4, p.recordType());
                insert.setString(5, p.recordId());
                insert.setString(6, p.action().name());
                insert.setObject(7, p.actorId());
                insert.setString(8, p.actorName());
                insert.setObject(9, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
                insert.setString(10, changesJson);
                insert.setString(11, bulk.lastHash);
                insert.setString(12, hash);
                insert.setString(13, p.parentId());
                insert.addBatch();
                bulk.lastSequence = sequence;
                bulk.lastHash = hash;
                if (++inBatch == 1000) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement advance = connection.prepareStatement(
                "update history_chain set last_seq = ?, last_hash = ? where organisation_id = ?")) {
            advance.setLong(1, bulk.lastSequence);
            advance.setString(2, bulk.lastHash);
            advance.setObject(3, organisationId);
            advance.executeUpdate();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> of(UUID organisationId, String recordType, String recordId) {
        return jdbc.query("""
                select seq, record_type, record_id, action, actor_id, actor_name, occurred_at, changes
                from history_entry where organisation_id = ?
                and ((record_type = ? and record_id = ?) or parent_id = ?)
                order by seq desc""",
                (rs, i) -> new HistoryEntry(rs.getLong("seq"), rs.getString("record_type"), rs.getString("record_id"),
                        HistoryEntry.Action.valueOf(rs.getString("action")), rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        JSON.readValue(rs.getString("changes"), CHANGES)),
                organisationId, recordType, recordId, recordId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> readable(dev.ratchet.shared.Tenant tenant, String recordType, String recordId) {
        java.util.Map<String, Boolean> decided = new java.util.HashMap<>();
        java.util.function.BiPredicate<String, String> may = (type, id) -> decided.computeIfAbsent(type + "/" + id,
                key -> visibilities.stream().filter(v -> v.recordTypes().contains(type)).allMatch(v -> v.mayRead(tenant, type, id)));
        if (!may.test(recordType, recordId)) {
            throw dev.ratchet.shared.Refused.notFound("Record");
        }
        return of(tenant.organisationId(), recordType, recordId).stream().filter(e -> may.test(e.recordType(), e.recordId())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify(UUID organisationId) {
        Verification chain = verifyChain(organisationId);
        StateCheck.Result records = states.check(organisationId);
        if (chain.chainIntact()) {
            // The chain holds up to its head: that head is fingerprinted too, for the next verification.
            jdbc.query("select last_seq, last_hash from history_chain where organisation_id = ?",
                    rs -> {
                        anchors.export(organisationId, rs.getLong(1), rs.getString(2));
                    }, organisationId);
        }
        return chain.withRecords(records.recordsChecked(), records.discrepancyCount(), records.discrepancies());
    }

    /** Every entry's hash, in order, and every fingerprint exported of the chain. */
    private Verification verifyChain(UUID organisationId) {
        Walk walk = new Walk(organisationId, anchors.of(organisationId));
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select id, seq, record_type, record_id, parent_id, action, actor_id, actor_name, occurred_at,
                        changes, previous_hash, hash
                    from history_entry where organisation_id = ? order by seq""");
            ps.setObject(1, organisationId);
            ps.setFetchSize(500);
            return ps;
        }, walk::next);
        if (walk.result != null) {
            return walk.result;
        }
        List<Object[]> heads = jdbc.query("select last_seq, last_hash from history_chain where organisation_id = ?",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }, organisationId);
        long headSequence = heads.isEmpty() ? 0 : (Long) heads.get(0)[0];
        String headHash = heads.isEmpty() ? ChainHash.GENESIS : (String) heads.get(0)[1];
        if (headSequence != walk.expectedSequence - 1 || !headHash.equals(walk.previousHash)) {
            return Verification.broken(organisationId, walk.checked, walk.expectedSequence, null,
                    "the chain ends at entry " + (walk.expectedSequence - 1) + " but its head records entry "
                            + headSequence + ": entries were removed");
        }
        for (HistoryAnchors.Anchor anchor : walk.anchors.values()) {
            if (anchor.sequence() >= walk.expectedSequence) {
                return Verification.broken(organisationId, walk.checked, anchor.sequence(), null, "the chain ends at entry "
                        + (walk.expectedSequence - 1) + ", but entry " + anchor.sequence() + " was fingerprinted outside the database at "
                        + anchor.exportedAt() + ": entries were removed and the chain's head rewritten");
            }
        }
        return Verification.intact(organisationId, walk.checked).withAnchors(walk.anchorsMatched);
    }

    @Override
    @Transactional(readOnly = true)
    public String headHash(UUID organisationId) {
        List<String> heads = jdbc.query("select last_hash from history_chain where organisation_id = ?", (rs, i) -> rs.getString(1), organisationId);
        return heads.isEmpty() ? ChainHash.GENESIS : heads.get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Verification> verifyAll() {
        List<UUID> chains = jdbc.queryForList(
                "select organisation_id from history_chain union select distinct organisation_id from history_entry",
                UUID.class);
        List<Verification> results = new ArrayList<>();
        for (UUID chain : chains) {
            results.add(verify(chain));
        }
        return results;
    }

    /** Walks the chain in order, stopping at the first entry that does not hold. */
    private static final class Walk {

        final UUID organisationId;
        final Map<Long, HistoryAnchors.Anchor> anchors;
        long expectedSequence = 1;
        long checked;
        int anchorsMatched;
        String previousHash = ChainHash.GENESIS;
        Verification result;

        Walk(UUID organisationId, Map<Long, HistoryAnchors.Anchor> anchors) {
            this.organisationId = organisationId;
            this.anchors = anchors;
        }

        void next(ResultSet rs) throws SQLException {
            if (result != null) {
                return;
            }
            String id = rs.getString("id");
            long sequence = rs.getLong("seq");
            if (sequence != expectedSequence) {
                result = Verification.broken(organisationId, checked, expectedSequence, id,
                        "entry " + expectedSequence + " is missing (next found is " + sequence + ")");
                return;
            }
            if (!previousHash.equals(rs.getString("previous_hash"))) {
                result = Verification.broken(organisationId, checked, sequence, id,
                        "it does not point to the entry before it");
                return;
            }
            String recomputed = ChainHash.of(previousHash, organisationId, sequence, rs.getString("record_type"),
                    rs.getString("record_id"), rs.getString("parent_id"), rs.getString("action"), rs.getObject("actor_id", UUID.class),
                    rs.getString("actor_name"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("changes"));
            if (!recomputed.equals(rs.getString("hash"))) {
                result = Verification.broken(organisationId, checked, sequence, id,
                        "its content was changed after it was written");
                return;
            }
            HistoryAnchors.Anchor anchor = anchors.get(sequence);
            if (anchor != null) {
                if (!anchor.hash().equals(recomputed)) {
                    result = Verification.broken(organisationId, checked, sequence, id, "it is not the entry fingerprinted outside the database at "
                            + anchor.exportedAt() + " (hash " + anchor.hash().substring(0, 12) + "…): entries were rewritten and every hash after"
                            + " them recomputed");
                    return;
                }
                anchorsMatched++;
            }
            checked++;
            previousHash = recomputed;
            expectedSequence++;
        }
    }
}
