package dev.ratchet.history;

import java.util.List;
import java.util.UUID;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.AreaForm;
import dev.ratchet.organisation.AreaView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HistoryIT extends IntegrationTest {

    @Autowired
    HistoryManagement history;

    @Test
    void everyChangeOfARecordIsKeptWithWhoAndBeforeAndAfter() {
        TestOrganisation org = newOrganisation("History");
        AreaForm form = new AreaForm();
        form.setName("Human resources");
        AreaView area = organisations.createArea(org.id(), form);
        form.setName("People operations");
        form.setDescription("Hiring and leaving");
        form.setVersion(area.version());
        organisations.updateArea(org.id(), area.id(), form);
        organisations.deleteArea(org.id(), area.id(), area.version() + 1);

        List<HistoryEntry> entries = history.of(org.id(), "Area", area.id().toString());

        assertThat(entries).extracting(HistoryEntry::action)
                .containsExactly(HistoryEntry.Action.DELETE, HistoryEntry.Action.UPDATE, HistoryEntry.Action.CREATE);
        assertThat(entries.get(1).changes()).containsExactlyInAnyOrder(
                new Change("name", "Human resources", "People operations"),
                new Change("description", null, "Hiring and leaving"));
        assertThat(entries.get(2).changes()).contains(new Change("name", null, "Human resources"));
        assertThat(history.verify(org.id()).intact()).isTrue();
    }

    @Test
    void secretsAreNeverWrittenToHistory() {
        TestOrganisation org = newOrganisation("Secrets");
        String all = String.join("\n", jdbc.queryForList("select changes from history_entry where organisation_id = ?",
                String.class, HistoryManagement.INSTALLATION));
        assertThat(all).doesNotContain("{bcrypt}").doesNotContain(org.tokens().get(Role.ADMIN));
        assertThat(all).contains("\"field\":\"passwordHash\",\"before\":null,\"after\":\"[redacted]\"");
    }

    @Test
    void verificationNamesTheFirstEntryChangedBehindRatchetsBack() throws Exception {
        TestOrganisation org = newOrganisation("Tamper");
        assertThat(history.verify(org.id()).intact()).isTrue();
        Long second = 2L;
        UUID secondId = jdbc.queryForObject("select id from history_entry where organisation_id = ? and seq = ?",
                UUID.class, org.id(), second);

        if (onPostgres()) {
            // The database itself refuses: only the table owner switching the guard off can tamper.
            assertThatThrownBy(() -> jdbc.update("update history_entry set actor_name = 'someone else' where id = ?", secondId))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("delete from history_entry where id = ?", secondId))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        tamper("update history_entry set actor_name = 'someone else' where id = ?", secondId);

        Verification verification = history.verify(org.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.firstBrokenEntryId()).isEqualTo(secondId.toString());
        assertThat(verification.problem()).contains("changed after it was written");

        mvc.perform(get("/api/v1/organisations/{id}/history/verification", org.id())
                        .header("Authorization", org.bearer(Role.AUDITOR)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSequence").value(2));
    }

    @Test
    void aRemovedEntryBreaksTheChainToo() {
        TestOrganisation org = newOrganisation("Removal");
        tamper("delete from history_entry where organisation_id = ? and seq = 3", org.id());
        Verification verification = history.verify(org.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3L);
        assertThat(verification.problem()).contains("entry 3 is missing");
    }

    /** Plain SQL past Ratchet, as a database administrator could; on PostgreSQL the guard trigger must be off first. */
    private void tamper(String sql, Object... args) {
        if (onPostgres()) {
            jdbc.execute("alter table history_entry disable trigger history_entry_append_only");
        }
        try {
            jdbc.update(sql, args);
        }
        finally {
            if (onPostgres()) {
                jdbc.execute("alter table history_entry enable trigger history_entry_append_only");
            }
        }
    }
}
