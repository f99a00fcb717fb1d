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
 * Faults that need an installation of their own, on a database of their own behind a real TCP proxy (PostgreSQL with a
 * schema of its own, or H2 served over TCP): two first-run set-ups at the same moment make one organisation; the
 * database cut off makes the API answer 503 problem details with Retry-After, a page say Ratchet cannot reach its
 * database and give back the form as it was typed, and readiness DOWN; once the proxy lets connections through again,
 * Ratchet serves without a restart.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.connection-timeout=1500", "spring.datasource.hikari.validation-timeout=1000" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FreshInstallationIT {

    static final TcpProxy PROXY;
    static final org.h2.tools.Server H2;
    static final String URL;
    static final String SCHEMA = "fresh_installation";

    static {
        try {
            String configured = System.getProperty("spring.datasource.url");
            if (configured != null && configured.startsWith("jdbc:postgresql://")) {
                URI server = URI.create(configured.substring("jdbc:".length()));
                H2 = null;
                PROXY = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
                URL = "jdbc:postgresql://127.0.0.1:" + PROXY.port() + server.getPath() + "?currentSchema=" + SCHEMA
                        + (server.getQuery() == null ? "" : "&" + server.getQuery());
                try (var connection = java.sql.DriverManager.getConnection(configured, System.getProperty("spring.datasource.username"),
                        System.getProperty("spring.datasource.password"))) {
                    connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
                }
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
        if (H2 == null) {
            registry.add("spring.flyway.schemas", () -> SCHEMA);
        }
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
    @org.junit.jupiter.api.Order(1)
    void twoFirstRunSetUpsAtTheSameMomentMakeOneOrganisationAndOneAdministrator() throws Exception {
        assertThat(identity.setupNeeded()).isTrue();
        int tries = 4;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(tries);
        java.util.List<java.util.concurrent.CompletableFuture<String>> setUps = new java.util.ArrayList<>();
        for (int i = 0; i < tries; i++) {
            int n = i;
            setUps.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                dev.ratchet.identity.SetupForm form = new dev.ratchet.identity.SetupForm();
                form.setOrganisationName("First " + n);
                form.setDisplayName("Admin " + n);
                form.setEmail("admin" + n + "@first.example");
                form.setPassword(TestOrganisation.PASSWORD);
                form.setPasswordConfirmation(TestOrganisation.PASSWORD);
                try {
                    together.await();
                    identity.setUp(form);
                    return "set up";
                }
                catch (dev.ratchet.shared.Refused refused) {
                    return refused.getMessage();
                }
                catch (Exception e) {
                    return e.toString();
                }
            }));
        }
        java.util.List<String> outcomes = setUps.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn("set up"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("set up"))
                .allMatch(o -> o.startsWith("Ratchet was set up a moment ago") || o.startsWith("Ratchet is already set up"));
        assertThat(jdbc.queryForObject("select count(*) from organisation", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(1);
        assertThat(identity.setupNeeded()).isFalse();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @org.junit.jupiter.api.Order(2)
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
