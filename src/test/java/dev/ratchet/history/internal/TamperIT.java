package dev.ratchet.history.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.history.Verification;
import dev.ratchet.identity.Role;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Workflow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Changes made in the database behind Ratchet's back: a record's field edited in SQL is named by the state check (record
 * and field, with both values); the newest entries rewritten with every hash after them and the chain's head recomputed
 * (which the chain alone cannot see) are caught by the fingerprints exported outside the database; so are entries
 * removed together with the head.
 */
class TamperIT extends IntegrationTest {

    @Autowired
    HistoryManagement history;

    @Autowired
    HistoryAnchors anchors;

    @Autowired
    ImprovementManagement improvements;

    @Test
    void aFieldEditedInSqlIsNamedByRecordAndFieldOnThePageTheApiAndTheCommand() throws Exception {
        TestOrganisation org = newOrganisation("Tampered record");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        Verification before = history.verify(org.id());
        assertThat(before.intact()).as(before.describe()).isTrue();
        assertThat(before.recordsChecked()).isGreaterThanOrEqualTo(3);

        UUID analysis = jdbc.queryForObject("select id from improvement_analysis where record_id = ?", UUID.class, nc.id());
        jdbc.update("update improvement_analysis set root_cause = 'Nobody was to blame' where id = ?", analysis);
        jdbc.update("delete from action_item where origin_id = ?", nc.id());

        Verification after = history.verify(org.id());
        assertThat(after.intact()).isFalse();
        assertThat(after.chainIntact()).as("the chain itself was not touched").isTrue();
        assertThat(after.discrepancies()).contains(new Verification.Discrepancy("RootCauseAnalysis", analysis.toString(), "rootCause",
                "The leaver process has no step that informs IT", "Nobody was to blame"));
        assertThat(after.discrepancies()).anySatisfy(d -> {
            assertThat(d.recordType()).isEqualTo("ActionItem");
            assertThat(d.field()).isNull();
            assertThat(d.record()).startsWith("missing");
        });
        assertThat(after.describe()).contains("RECORDS CHANGED OUTSIDE RATCHET").contains("rootCause");

        mvc.perform(get("/history/verification").with(user(org.principal(Role.AUDITOR))))
                .andExpect(content().string(containsString("Records were changed outside Ratchet")))
                .andExpect(content().string(containsString("Nobody was to blame")))
                .andExpect(content().string(containsString(analysis.toString())));
        var api = api(org, Role.AUDITOR, "GET", "/history/verification", null, 200);
        assertThat(api.get("intact").asBoolean()).isFalse();
        assertThat(api.get("discrepancyCount").asLong()).isEqualTo(2);
    }

    @Test
    void theNewestEntriesRewrittenWithTheHeadAreCaughtByTheFingerprintsKeptOutsideTheDatabase() {
        TestOrganisation org = newOrganisation("Rewritten history");
        ImprovementView nc = Workflow.reported(improvements, org, "Backups not tested");
        for (int i = 0; i < 3; i++) {
            nc = Workflow.reported(improvements, org, "Visitor not signed in " + i);
        }
        // The hourly export (or a verification) fingerprints every chain's head outside the database.
        assertThat(anchors.exportAll()).isGreaterThanOrEqualTo(1);
        long head = jdbc.queryForObject("select last_seq from history_chain where organisation_id = ?", Long.class, org.id());

        // Someone who owns the database (on PostgreSQL: who can switch off the append-only trigger) rewrites the last two
        // entries, every hash after them, and the head.
        appendOnly(false);
        try {
            rewrite(org.id(), head - 1, "Visitor not signed in", "Nothing to see here");
        }
        finally {
            appendOnly(true);
        }
        Verification rewritten = history.verify(org.id());
        assertThat(rewritten.chainIntact()).isFalse();
        assertThat(rewritten.firstBrokenSequence()).isEqualTo(head);
        assertThat(rewritten.problem()).contains("not the entry fingerprinted outside the database")
                .contains("entries were rewritten and every hash after them recomputed");

        // Or removes the newest entries and sets the head back.
        TestOrganisation other = newOrganisation("Shortened history");
        Workflow.reported(improvements, other, "Leaver account active");
        Workflow.reported(improvements, other, "Laptop not encrypted");
        anchors.exportAll();
        long last = jdbc.queryForObject("select last_seq from history_chain where organisation_id = ?", Long.class, other.id());
        Map<String, Object> keep = jdbc.queryForMap("select seq, hash from history_entry where organisation_id = ? and seq = ?", other.id(), last - 2);
        appendOnly(false);
        try {
            jdbc.update("delete from history_entry where organisation_id = ? and seq > ?", other.id(), last - 2);
        }
        finally {
            appendOnly(true);
        }
        jdbc.update("update history_chain set last_seq = ?, last_hash = ? where organisation_id = ?", keep.get("seq"), keep.get("hash"), other.id());
        Verification shortened = history.verify(other.id());
        assertThat(shortened.chainIntact()).isFalse();
        assertThat(shortened.problem()).contains("was fingerprinted outside the database").contains("entries were removed");
    }

    private void appendOnly(boolean on) {
        if (onPostgres()) {
            jdbc.execute("alter table history_entry " + (on ? "enable" : "disable") + " trigger history_entry_append_only");
        }
    }

    /** Rewrites the entries from {@code from} on (their changes' text), recomputing every hash after them and the head. */
    private void rewrite(UUID organisationId, long from, String text, String replacement) {
        List<Map<String, Object>> entries = jdbc.queryForList("select * from history_entry where organisation_id = ? and seq >= ? order by seq",
                organisationId, from);
        String previous = jdbc.queryForObject("select hash from history_entry where organisation_id = ? and seq = ?", String.class,
                organisationId, from - 1);
        for (Map<String, Object> e : entries) {
            String changes = e.get("changes").toString().replace(text, replacement);
            Object at = e.get("occurred_at");
            Instant occurred = at instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) at).toInstant();
            String hash = ChainHash.of(previous, organisationId, ((Number) e.get("seq")).longValue(), (String) e.get("record_type"),
                    (String) e.get("record_id"), (String) e.get("parent_id"), (String) e.get("action"), (UUID) e.get("actor_id"),
                    (String) e.get("actor_name"), occurred, changes);
            jdbc.update("update history_entry set changes = ?, previous_hash = ?, hash = ? where id = ?", changes, previous, hash, e.get("id"));
            previous = hash;
        }
        jdbc.update("update history_chain set last_hash = ? where organisation_id = ?", previous, organisationId);
    }
}
