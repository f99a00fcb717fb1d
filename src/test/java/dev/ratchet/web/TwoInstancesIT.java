package dev.ratchet.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.IntegrationTest;
import dev.ratchet.RatchetApplication;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two instances on one database, as behind a load balancer that switches: this test's application (instance A, through
 * MockMvc) and a second one started here with a real web server (instance B), on the same database (H2 in this JVM, or
 * the suite's PostgreSQL). A person signs in on A and is signed in on B, continues a form B gave them on A, signs out on
 * A and is signed out on B; failed sign-ins count across both.
 */
class TwoInstancesIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    static ConfigurableApplicationContext second;
    static String b;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheSecondInstance() {
        second = new SpringApplicationBuilder(RatchetApplication.class).profiles("test")
                .properties(Map.of("server.port", "0", "spring.main.banner-mode", "off"))
                .run();
        // 127.0.0.1, as MockMvc's requests come from: the same client to both instances.
        b = "http://127.0.0.1:" + ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionBegunOnOneInstanceIsServedAndEndedOnTheOther() throws Exception {
        TestOrganisation org = newOrganisation("Two instances");
        MvcResult login = mvc.perform(formLogin("/login").userParameter("email").user(org.email(Role.ISMS_MANAGER))
                .password(TestOrganisation.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();

        // B serves the session A began.
        HttpResponse<String> members = onB("/members", session);
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).contains("People and roles").contains(org.name());

        // A form B gave is sent to A: the session's CSRF token is the same on both.
        HttpResponse<String> form = onB("/areas/new", session);
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        mvc.perform(post("/areas").cookie(session).param("_csrf", token.group(1)).param("name", "Data centre")
                .param("ownerId", org.userIds().get(Role.ISMS_MANAGER).toString())).andExpect(status().is3xxRedirection());
        assertThat(onB("/areas", session).body()).contains("Data centre");

        // Signed out on A, signed out on B.
        mvc.perform(post("/logout").cookie(session).param("_csrf", token.group(1))).andExpect(redirectedUrl("/login?signedOut"));
        HttpResponse<String> after = onB("/members", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
        mvc.perform(get("/members").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void failedSignInsFromOneClientCountOnBothInstances() throws Exception {
        TestOrganisation org = newOrganisation("Two instances throttle");
        String email = org.email(Role.AUDITOR);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/login").param("email", email).param("password", "wrong-password-" + i)
                    .with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(b + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(b + "/login")).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                            + "&password=wrong-on-b-" + i + "&_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        // Five failures from this client, counted across A and B: even the right password waits now, on either.
        mvc.perform(post("/login").param("email", email).param("password", TestOrganisation.PASSWORD)
                .with(csrf()))
                .andExpect(redirectedUrl("/login?throttled"));
    }

    private static HttpResponse<String> onB(String path, Cookie session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(b + path)).header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
