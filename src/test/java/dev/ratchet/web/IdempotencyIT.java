package dev.ratchet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A client that timed out and sends its POST again with the same Idempotency-Key creates nothing twice. */
class IdempotencyIT extends IntegrationTest {

    private static final String INCIDENT = """
            {"title":"Phishing","detectedAt":"2026-03-02T11:45:00+01:00","category":"PHISHING","severity":"HIGH","summary":"s"}""";

    private MockHttpServletResponse send(TestOrganisation org, Role role, String key, String body) throws Exception {
        var request = post("/api/v1/organisations/{org}/incidents", org.id()).header("Authorization", org.bearer(role))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private long incidents(TestOrganisation org) {
        return jdbc.queryForObject("select count(*) from incident where organisation_id = ?", Long.class, org.id());
    }

    @Test
    void aRetriedCreationGetsTheFirstAnswerAndCreatesOneRecord() throws Exception {
        TestOrganisation org = newOrganisation("Idempotent");
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse first = send(org, Role.ISMS_MANAGER, key, INCIDENT);
        MockHttpServletResponse retry = send(org, Role.ISMS_MANAGER, key, INCIDENT);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(incidents(org)).isEqualTo(1);

        // The same key for another request is refused; another person's same key is theirs; no key creates again.
        assertThat(send(org, Role.ISMS_MANAGER, key, INCIDENT.replace("Phishing", "Other")).getStatus()).isEqualTo(422);
        assertThat(send(org, Role.ADMIN, key, INCIDENT).getStatus()).isEqualTo(201);
        assertThat(send(org, Role.ISMS_MANAGER, null, INCIDENT).getStatus()).isEqualTo(201);
        assertThat(incidents(org)).isEqualTo(3);

        // A refusal is an answer too: kept and given again, nothing created.
        String refusedKey = UUID.randomUUID().toString();
        String bad = INCIDENT.replace("\"title\":\"Phishing\"", "\"title\":\"\"");
        assertThat(send(org, Role.ISMS_MANAGER, refusedKey, bad).getStatus()).isEqualTo(422);
        assertThat(send(org, Role.ISMS_MANAGER, refusedKey, bad).getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(incidents(org)).isEqualTo(3);
    }

    @Test
    void concurrentRetriesCreateOneRecord() throws Exception {
        TestOrganisation org = newOrganisation("Idempotent race");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> send(org, Role.ISMS_MANAGER, key, INCIDENT).getStatus();
                answers.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            // Each answer is the first one (201, replayed when it came after) or "wait, the first is still running" (409):
            // whether any 409 comes depends on how the six happen to overlap, which the machine decides.
            assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
        }
        finally {
            pool.shutdown();
        }
        assertThat(incidents(org)).isEqualTo(1);
    }
}
