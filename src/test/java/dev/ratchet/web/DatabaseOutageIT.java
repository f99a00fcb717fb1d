package dev.ratchet.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.OrganisationManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The database cut off behind a real TCP proxy (PostgreSQL, or H2 served over TCP): the API answers 503 problem details
 * with Retry-After, a page says Ratchet cannot reach its database and gives back the form as it was typed, readiness is
 * DOWN; once the proxy lets connections through again, Ratchet serves without a restart.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.connection-timeout=1500", "spring.datasource.hikari.validation-timeout=1000" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DatabaseOutageIT {

    static final TcpProxy PROXY;
    static final org.h2.tools.Server H2;
    static final String URL;

    static {
        try {
            String configured = System.getProperty("spring.datasource.url");
            if (configured != null && configured.startsWith("jdbc:postgresql://")) {
                URI server = URI.create(configured.substring("jdbc:".length()));
                H2 = null;
                PROXY = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
                URL = "jdbc:postgresql://127.0.0.1:" + PROXY.port() + server.getPath() + (server.getQuery() == null ? "" : "?" + server.getQuery());
            }
            else {
                int port;
                try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                H2 = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
                PROXY = new TcpProxy("127.0.0.1", port);
                URL = "jdbc:h2:tcp://127.0.0.1:" + PROXY.port() + "/mem:outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            }
        }
        catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    @AfterAll
    static void stop() throws Exception {
        PROXY.close();
        if (H2 != null) {
            H2.stop();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    OrganisationManagement organisations;

    @Test
    void anOutageIsAnswered503WithRetryAfterKeepsTheFormAndPassesWithoutARestart() throws Exception {
        TestOrganisation org = TestOrganisation.create(identity, organisations, "Outage");
        String register = "/api/v1/organisations/" + org.id() + "/improvements";
        assertThat(mvc.perform(get(register).header("Authorization", org.bearer(Role.ISMS_MANAGER))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus()).isEqualTo(200);

        var manager = org.principal(Role.ISMS_MANAGER);
        String bearer = org.bearer(Role.ISMS_MANAGER);
        PROXY.cut();
        try {
            MockHttpServletResponse api = mvc.perform(get(register).header("Authorization", bearer))
                    .andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(503);
            assertThat(api.getContentType()).startsWith("application/problem+json");
            assertThat(api.getHeader("Retry-After")).isEqualTo("10");
            assertThat(api.getContentAsString()).contains("\"status\":503").contains("cannot reach its database");

            MockHttpServletResponse page = mvc.perform(post("/improvements").with(csrf()).with(user(manager))
                    .param("kind", "NONCONFORMITY").param("title", "Backups <not> tested since March")
                    .param("description", "Found during the\nquarterly check.")).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(503);
            assertThat(page.getHeader("Retry-After")).isEqualTo("10");
            String html = page.getContentAsString();
            assertThat(html).contains("Ratchet cannot reach its database").contains("Nothing you typed is lost")
                    .contains("value=\"Backups &lt;not&gt; tested since March\"").contains("Found during the\nquarterly check.")
                    .contains("action=\"/improvements\"").contains("Send it again");

            MockHttpServletResponse readiness = mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse();
            assertThat(readiness.getStatus()).isEqualTo(503);
            assertThat(readiness.getContentAsString()).contains("DOWN");
            // Liveness stays up: restarting Ratchet would not bring the database back.
            assertThat(mvc.perform(get("/actuator/health/liveness")).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
        finally {
            PROXY.restore();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            Thread.sleep(500); // as a client told Retry-After would, if less patiently
            status = mvc.perform(get(register).header("Authorization", bearer)).andReturn().getResponse().getStatus();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertThat(status).as("served again without a restart").isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
