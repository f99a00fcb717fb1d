package dev.ratchet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID provider for the single sign-on tests: Keycloak's own distribution (unpacked by the build into
 * target/keycloak), started once per test JVM in a process of its own, on a JDK 21 or newer found under /usr/lib/jvm
 * (Keycloak needs one; Ratchet stays on 17), with the realm in src/test/resources/keycloak imported into an in-memory
 * database, so every run starts from the file. Its admin REST API lets a test change a user as an IT department would.
 * Where it cannot start, the tests are skipped, except in CI where that fails the build.
 */
public final class Keycloak {

    public static final String REALM = "ratchet-test";
    public static final String CLIENT_ID = "ratchet";
    public static final String CLIENT_SECRET = "ratchet-test-secret";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "keycloak-admin-for-tests";

    private static Keycloak running;
    private static java.util.concurrent.CompletableFuture<Keycloak> starting;

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private Keycloak(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The running provider, started on first use (about 20 to 60 seconds), or the start begun in the background. */
    public static Keycloak get() {
        java.util.concurrent.CompletableFuture<Keycloak> begun;
        synchronized (Keycloak.class) {
            if (running != null) {
                return running;
            }
            begun = starting;
        }
        if (begun != null) {
            try {
                Keycloak started = begun.join();
                synchronized (Keycloak.class) {
                    running = started;
                }
                return started;
            }
            catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof org.opentest4j.TestAbortedException aborted) {
                    throw aborted;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        synchronized (Keycloak.class) {
            if (running == null) {
                running = start();
            }
            return running;
        }
    }

    /**
     * Starts Keycloak while other tests run, when the test run holds a test that needs it ({@link StartEarly}): its
     * half-minute start then costs the run little.
     */
    static synchronized void startInBackground() {
        if (running == null && starting == null) {
            starting = java.util.concurrent.CompletableFuture.supplyAsync(Keycloak::start);
        }
    }

    /** Listens to the test plan and starts Keycloak early when a single sign-on browser test is in it. */
    public static final class StartEarly implements org.junit.platform.launcher.TestExecutionListener {
        @Override
        public void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan plan) {
            boolean needed = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                    .anyMatch(test -> test.getSource().filter(org.junit.platform.engine.support.descriptor.ClassSource.class::isInstance)
                            .map(source -> ((org.junit.platform.engine.support.descriptor.ClassSource) source).getClassName())
                            .filter(name -> name.endsWith(".SingleSignOnBrowserIT")).isPresent());
            if (needed) {
                startInBackground();
            }
        }
    }

    /** Stops the provider once its tests are done, so that it takes no memory or processor from the tests after them. */
    public static void stop() {
        Keycloak keycloak;
        synchronized (Keycloak.class) {
            keycloak = running;
            running = null;
            starting = null;
        }
        if (keycloak != null) {
            kill(keycloak.process);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    private static Keycloak start() {
        Path home = Path.of(System.getProperty("ratchet.keycloak.home", "target/keycloak/keycloak-26.7.3"));
        Optional<Path> java = javaHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh")) || java.isEmpty()) {
            String why = !Files.isExecutable(home.resolve("bin/kc.sh"))
                    ? "Keycloak is not unpacked at " + home + " (the build's pre-integration-test phase does it)"
                    : "no JDK 21 or newer under /usr/lib/jvm for Keycloak (set ratchet.keycloak.java-home)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs Keycloak for the single sign-on tests: " + why);
            }
            Assumptions.abort(why);
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (var realm = Keycloak.class.getResourceAsStream("/keycloak/" + REALM + "-realm.json")) {
                Files.write(imports.resolve(REALM + "-realm.json"), realm.readAllBytes());
            }
            int port = freePort();
            Path log = Path.of("target", "keycloak.log");
            // Niced: it starts while other tests run, and should take the processor only when they leave it idle.
            List<String> command = new java.util.ArrayList<>(Files.isExecutable(Path.of("/usr/bin/nice"))
                    ? List.of("/usr/bin/nice", "-n", "10") : List.of());
            command.addAll(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-mem", "--cache=local",
                    "--import-realm"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", java.get().toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m -XX:TieredStopAtLevel=1");
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(process)));
            keycloak.awaitReady(log);
            return keycloak;
        }
        catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer within 4 minutes; see " + log.toAbsolutePath());
    }

    // --- what an IT department does in Keycloak ---------------------------------------------------------------------

    /** Disables the user: Keycloak refuses their next sign-in. */
    public void disable(String username) {
        String id = userId(username);
        admin("PUT", "/users/" + id, "{\"enabled\":false}");
    }

    /** Takes the user out of the group. */
    public void removeFromGroup(String username, String group) {
        String id = userId(username);
        List<Map<String, Object>> groups = list(admin("GET", "/users/" + id + "/groups", null));
        String groupId = groups.stream().filter(g -> group.equals(g.get("name"))).map(g -> (String) g.get("id")).findFirst()
                .orElseThrow(() -> new IllegalStateException(username + " is not in " + group));
        admin("DELETE", "/users/" + id + "/groups/" + groupId, null);
    }

    /** Ends the user's sessions at Keycloak, so that the next sign-in asks for the password again. */
    public void signOut(String username) {
        admin("POST", "/users/" + userId(username) + "/logout", null);
    }

    private String userId(String username) {
        List<Map<String, Object>> users = list(admin("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null));
        if (users.isEmpty()) {
            throw new IllegalStateException("No Keycloak user " + username);
        }
        return (String) users.get(0).get("id");
    }

    private String admin(String method, String path, String body) {
        try {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + ADMIN
                            + "&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            String accessToken = (String) json.readValue(token.body(), Map.class).get("access_token");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin " + method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String body) {
        return json.readValue(body, List.class);
    }

    /** A JDK 21+ for Keycloak: ratchet.keycloak.java-home, else the newest under /usr/lib/jvm. */
    static Optional<Path> javaHome() {
        String configured = System.getProperty("ratchet.keycloak.java-home", System.getenv("RATCHET_KEYCLOAK_JAVA_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> Files.isExecutable(p.resolve("bin/java")) && featureVersion(p) >= 21)
                    .max(Comparator.comparingInt(Keycloak::featureVersion));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
