package dev.ratchet.identity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting an organisation's OpenID provider through the API: what is checked before saving (the issuer by
 * discovery, the domains, the secret, a break-glass administrator before passwords are refused), what is never shown
 * (the secret), the sign-in page's discovery of the provider by domain, and password sign-in refused where the
 * organisation signs in by single sign-on only. The sign-in itself is {@link SingleSignOnBrowserIT}, against Keycloak;
 * here a small HTTP server answers discovery, which is all that saving needs.
 */
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnIT extends IntegrationTest {

    private static final String SECRET = "s3cr3t-never-to-be-seen-again";
    private static HttpServer provider;
    private static String issuer;

    @BeforeAll
    static void discovery() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/test";
        provider.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\",\"token_endpoint\":\""
                    + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/certs\",\"userinfo_endpoint\":\"" + issuer + "/userinfo\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop(0);
    }

    private static String settings(String domain, String secret, String extra) {
        return "{\"displayName\":\"Test IdP\",\"issuer\":\"" + issuer + "\",\"clientId\":\"ratchet\""
                + (secret == null ? "" : ",\"clientSecret\":\"" + secret + "\"") + ",\"domains\":[\"" + domain + "\"],"
                + "\"groups\":[{\"group\":\"isms\",\"roles\":[\"ISMS_MANAGER\"]}]" + extra + "}";
    }

    private static String domainOf(TestOrganisation org) {
        return "sso-" + org.id().toString().substring(0, 8) + ".test";
    }

    @Test
    void theApiChecksTheConnectionAndNeverShowsTheSecret(CapturedOutput output) throws Exception {
        TestOrganisation org = newOrganisation("SSO API");
        String domain = domainOf(org);
        api(org, Role.ADMIN, "GET", "/single-sign-on", null, 404);

        JsonNode noSecret = api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, null, ""), 422);
        assertThat(noSecret.toString()).contains("clientSecret");
        JsonNode nobodyThere = api(org, Role.ADMIN, "PUT", "/single-sign-on",
                settings(domain, SECRET, "").replace(issuer, "http://127.0.0.1:9/nothing"), 422);
        assertThat(nobodyThere.toString()).contains("issuer").contains("No OpenID provider answers");
        JsonNode notADomain = api(org, Role.ADMIN, "PUT", "/single-sign-on", settings("not a domain", SECRET, ""), 422);
        assertThat(notADomain.toString()).contains("domains");
        JsonNode trailingSlash = api(org, Role.ADMIN, "PUT", "/single-sign-on",
                settings(domain, SECRET, "").replace("\"issuer\":\"" + issuer, "\"issuer\":\"" + issuer + "/"), 200);
        assertThat(trailingSlash.get("issuer").asString()).isEqualTo(issuer);
        api(org, Role.ADMIN, "DELETE", "/single-sign-on?version=" + trailingSlash.get("version").asLong(), null, 204);
        assertThat(jdbc.queryForObject("select count(*) from sso_connection where organisation_id = ?", Long.class, org.id())).isZero();

        JsonNode saved = api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, SECRET, ""), 200);
        assertThat(saved.get("secretSet").asBoolean()).isTrue();
        assertThat(saved.get("domains").get(0).asString()).isEqualTo(domain);
        assertThat(saved.get("groups").get(0).get("roles").get(0).asString()).isEqualTo("ISMS_MANAGER");
        assertThat(saved.toString()).doesNotContain(SECRET).doesNotContain("clientSecret");
        // Saved again without a secret: the saved one stays; with the version read before, a change made since is refused.
        JsonNode again = api(org, Role.ADMIN, "PUT", "/single-sign-on",
                settings(domain, null, ",\"justInTime\":true,\"version\":" + saved.get("version").asLong()), 200);
        assertThat(again.get("secretSet").asBoolean()).isTrue();
        assertThat(again.get("justInTime").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select client_secret from sso_connection where organisation_id = ?", String.class, org.id()))
                .isEqualTo(SECRET);
        api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, null, ",\"version\":" + saved.get("version").asLong()), 409);
        assertThat(api(org, Role.ADMIN, "GET", "/single-sign-on", null, 200).toString()).doesNotContain(SECRET);
        api(org, Role.ISMS_MANAGER, "GET", "/single-sign-on", null, 403);

        // A domain is one organisation's: another cannot put it under its own provider.
        TestOrganisation other = newOrganisation("SSO other");
        JsonNode taken = api(other, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, SECRET, ""), 422);
        assertThat(taken.toString()).contains("domains").contains("another organisation");

        // The history knows the secret changed, never what it is; nor does the log.
        String history = String.join("\n", jdbc.queryForList(
                "select changes from history_entry where organisation_id = ? and record_type = 'SsoConnection'", String.class, org.id()));
        assertThat(history).contains("\"field\":\"clientSecret\",\"before\":null,\"after\":\"[redacted]\"").doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void theSignInPageFindsTheProviderByTheAddresssDomain() throws Exception {
        TestOrganisation org = newOrganisation("SSO HRD");
        String domain = domainOf(org);
        JsonNode saved = api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, SECRET, ""), 200);
        String registration = saved.get("registrationId").asString();

        mvc.perform(get("/login/sso/offer").param("email", "someone@" + domain)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in with Test IdP")))
                .andExpect(content().string(containsString("/oauth2/authorization/" + registration)));
        mvc.perform(get("/login/sso/offer").param("email", "someone@elsewhere.test")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Sign in with"))));
        mvc.perform(get("/login/sso").param("email", "Someone@" + domain.toUpperCase()))
                .andExpect(redirectedUrl("/oauth2/authorization/" + registration));
        mvc.perform(get("/login/sso").param("email", "someone@elsewhere.test")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No organisation in this Ratchet signs in by single sign-on for elsewhere.test")));
        // Spring Security sends the browser to the provider's own page, with a state and a nonce.
        mvc.perform(get("/oauth2/authorization/" + registration)).andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith(issuer + "/auth?")))
                .andExpect(header().string("Location", containsString("client_id=ratchet")))
                .andExpect(header().string("Location", containsString("nonce=")));
        // Switched off: no longer offered.
        api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, null, ",\"enabled\":false,\"version\":"
                + saved.get("version").asLong()), 200);
        mvc.perform(get("/login/sso/offer").param("email", "someone@" + domain))
                .andExpect(content().string(not(containsString("Sign in with"))));
    }

    @Test
    void singleSignOnOnlyRefusesPasswordsButTheBreakGlassAdministrators() throws Exception {
        TestOrganisation org = newOrganisation("SSO only");
        String domain = domainOf(org);
        JsonNode noBreakGlass = api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, SECRET, ",\"ssoOnly\":true"), 422);
        assertThat(noBreakGlass.toString()).contains("breakGlassMemberIds");
        JsonNode notAnAdmin = api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, SECRET,
                ",\"ssoOnly\":true,\"breakGlassMemberIds\":[\"" + org.membershipIds().get(Role.CONTRIBUTOR) + "\"]"), 422);
        assertThat(notAnAdmin.toString()).contains("breakGlassMemberIds");
        api(org, Role.ADMIN, "PUT", "/single-sign-on", settings(domain, SECRET,
                ",\"ssoOnly\":true,\"breakGlassMemberIds\":[\"" + org.membershipIds().get(Role.ADMIN) + "\"]"), 200);

        mvc.perform(post("/login").with(csrf()).param("email", org.email(Role.CONTRIBUTOR)).param("password", TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/login?ssoRequired"));
        mvc.perform(post("/login").with(csrf()).param("email", org.email(Role.ADMIN)).param("password", TestOrganisation.PASSWORD))
                .andExpect(redirectedUrl("/"));
        JsonNode admin = api(org, Role.ADMIN, "GET", "/members/" + org.membershipIds().get(Role.ADMIN), null, 200);
        assertThat(admin.get("breakGlass").asBoolean()).isTrue();
        // API tokens are not passwords: a program keeps working.
        api(org, Role.CONTRIBUTOR, "GET", "/actions", null, 200);
    }
}
