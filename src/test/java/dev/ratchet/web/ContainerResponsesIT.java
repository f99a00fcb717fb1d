package dev.ratchet.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the container answers, over real HTTP through Tomcat: forwarded headers are believed only from configured
 * proxies (a client on this machine, loopback like any address not configured, cannot point Ratchet's redirects at
 * another host or claim HTTPS), and its errors are Ratchet's own (problem details on the API, pages elsewhere).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:container-responses;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ContainerResponsesIT {

    @LocalServerPort
    int port;

    @Test
    void aClientsForwardedHostAndProtoDoNotMoveTheRedirect() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "10.1.2.3")
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.ratchet.identity.IdentityManagement identity;

    @org.springframework.beans.factory.annotation.Autowired
    dev.ratchet.organisation.OrganisationManagement organisations;

    private HttpResponse<String> send(String method, String path, String accept, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theApisContainerErrorsAreProblemDetailsAndThe401SaysHowToAuthenticateInUtf8() throws Exception {
        HttpResponse<String> unauthorised = send("GET", "/api/v1/organisations", "application/json");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(unauthorised.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(unauthorised.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json").containsIgnoringCase("utf-8");
        assertThat(unauthorised.body()).contains("rat_…");

        String bearer = dev.ratchet.TestOrganisation.create(identity, organisations, "Container").bearer(dev.ratchet.identity.Role.ADMIN);
        HttpResponse<String> unknown = send("GET", "/api/v1/no-such-thing", "application/json", "Authorization", bearer);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(unknown.body()).contains("\"status\":404").contains("api-docs");
        HttpResponse<String> wrongMethod = send("DELETE", "/api/v1/organisations", "application/json", "Authorization", bearer);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(wrongMethod.body()).contains("\"status\":405");

        HttpResponse<String> error = send("GET", "/error", "text/html");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("Not found").doesNotContain("Whitelabel");
        HttpResponse<String> missingPage = send("GET", "/no-such-page", "text/html");
        assertThat(missingPage.statusCode()).isIn(302, 404);
    }
}
