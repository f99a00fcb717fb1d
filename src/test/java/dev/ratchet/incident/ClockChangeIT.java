package dev.ratchet.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Incident times around the clock changes of an organisation in London: in spring the clocks go forward at 01:00 GMT
 * (29 March 2026), in autumn back at 01:00 GMT (25 October 2026), so that 01:30 local happens twice. Each moment sent
 * with its offset is stored as that instant, given back with the offset London had then, and kept when the incident's
 * page form is sent back unchanged.
 */
class ClockChangeIT extends IntegrationTest {

    private Instant stored(String id) {
        Object at = jdbc.queryForObject("select detected_at from incident where id = ?", Object.class, java.util.UUID.fromString(id));
        return at instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) at).toInstant();
    }

    private String record(TestOrganisation org, String detectedAt) throws Exception {
        return api(org, Role.ISMS_MANAGER, "POST", "/incidents", """
                {"title":"Alert at %s","detectedAt":"%s","category":"MALWARE","severity":"LOW","summary":"s"}""".formatted(detectedAt, detectedAt), 201)
                .get("id").asString();
    }

    @Test
    void momentsAroundBothClockChangesAreStoredAndGivenBackExactly() throws Exception {
        TestOrganisation org = newOrganisation("Clock change");
        String[][] cases = {
                // sent, stored instant, given back with London's offset at that moment
                { "2026-03-29T00:30:00Z", "2026-03-29T00:30:00Z", "2026-03-29T00:30:00Z" },           // GMT, before the change
                { "2026-03-29T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-29T02:30:00+01:00" },      // BST, after it
                { "2026-03-29T02:30:00+01:00", "2026-03-29T01:30:00Z", "2026-03-29T02:30:00+01:00" },
                { "2026-10-25T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00+01:00" },      // 01:30 the first time (BST)
                { "2026-10-25T01:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T01:30:00Z" },           // 01:30 the second time (GMT)
                { "2026-10-25T01:30:00+00:00", "2026-10-25T01:30:00Z", "2026-10-25T01:30:00Z" },
                { "2026-10-25T03:30:00+02:00", "2026-10-25T01:30:00Z", "2026-10-25T01:30:00Z" },      // sent from Paris
        };
        for (String[] c : cases) {
            String id = record(org, c[0]);
            assertThat(stored(id)).as("stored for " + c[0]).isEqualTo(Instant.parse(c[1]));
            assertThat(api(org, Role.AUDITOR, "GET", "/incidents/" + id, null, 200).get("detectedAt").asString())
                    .as("given back for " + c[0]).isEqualTo(c[2]);
        }

        // The second 01:30 is shown on its page as 01:30; its form sent back unchanged keeps the moment.
        String second = record(org, "2026-10-25T01:30:00Z");
        String form = mvc.perform(get("/incidents/{id}/edit", second).with(user(org.principal(Role.ISMS_MANAGER))))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"2026-10-25T01:30\"");
        long version = api(org, Role.AUDITOR, "GET", "/incidents/" + second, null, 200).get("version").asLong();
        mvc.perform(post("/incidents/{id}", second).with(csrf()).with(user(org.principal(Role.ISMS_MANAGER)))
                .param("title", "Alert, described better").param("detectedAt", "2026-10-25T01:30").param("category", "MALWARE")
                .param("severity", "LOW").param("summary", "s").param("version", String.valueOf(version)));
        assertThat(api(org, Role.AUDITOR, "GET", "/incidents/" + second, null, 200).get("title").asString()).isEqualTo("Alert, described better");
        assertThat(stored(second)).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));

        // A local time typed on the page is the organisation's wall clock: in summer, an hour before UTC.
        mvc.perform(post("/incidents/{id}", second).with(csrf()).with(user(org.principal(Role.ISMS_MANAGER)))
                .param("title", "Alert, described better").param("detectedAt", "2026-07-01T09:30").param("category", "MALWARE")
                .param("severity", "LOW").param("summary", "s").param("version", String.valueOf(version + 1)));
        assertThat(stored(second)).isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
    }
}
