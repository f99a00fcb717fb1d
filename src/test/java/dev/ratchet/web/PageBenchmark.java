package dev.ratchet.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.Benchmarks;
import dev.ratchet.RatchetApplication;
import dev.ratchet.identity.IdentityManagement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every register, record and list page, and the API's twins, timed over HTTP through the running application (its
 * web server, security, session in the database and templates), each interleaved with the raw SQL of the rows it shows,
 * in an organisation of the demo (Kestrel Analytics) with {@code size} more improvement records. Prints p50/p95 of both
 * and their ratio; asserts nothing. Run with bench/pages.sh. Arguments: size (default 100000), then optionally a JDBC
 * URL, user and password (default: in-memory H2). A database that already holds the benchmark's organisation is used
 * as it is (bench/pages.sh --keep), so that a change can be measured again without generating the data anew.
 */
public final class PageBenchmark {

    private static final String EMAIL = "priya.natarajan@kestrel-00001.example";
    private static final int ROUNDS = 50;
    private static final int WARM_UP = 10;

    /** A request and the SQL of the rows it shows. */
    private record Measured(String name, String path, Map<String, String> headers, String sql, Object[] parameters) {
    }

    public static void main(String[] args) throws Exception {
        // The application as it runs in production (templates cached, the reminder job scheduled), not as the tests
        // run it; its history anchors go to a temporary directory.
        List<String> properties = new ArrayList<>(List.of("--logging.level.root=WARN", "--logging.level.dev.ratchet.access=WARN", "--spring.main.banner-mode=off",
                "--server.port=0", "--ratchet.history.anchors.directory=" + System.getProperty("java.io.tmpdir") + "/ratchet-bench-anchors"));
        if (args.length <= 1) {
            properties.add("--spring.datasource.url=jdbc:h2:mem:ratchet-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        else {
            properties.add("--spring.datasource.url=" + args[1]);
            properties.add("--spring.datasource.username=" + (args.length > 2 ? args[2] : ""));
            properties.add("--spring.datasource.password=" + (args.length > 3 ? args[3] : ""));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RatchetApplication.class)
                .run(properties.toArray(String[]::new))) {
            run(context, Benchmarks.size(args));
        }
    }

    static void run(ConfigurableApplicationContext context, int size) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String password = UUID.randomUUID().toString();
        List<UUID> existing = jdbc.queryForList("select m.organisation_id from membership m join app_user u on u.id = m.user_id"
                + " where u.email = ?", UUID.class, EMAIL);
        UUID organisationId;
        UUID userId;
        if (existing.isEmpty()) {
            long started = System.nanoTime();
            Benchmarks.Organisation made = Benchmarks.demo(context, 1, size, password);
            organisationId = made.id();
            userId = made.managerId();
            System.out.printf("demo organisation with %,d more records generated in %.0f s%n", size, (System.nanoTime() - started) / 1e9);
        }
        else {
            organisationId = existing.get(0);
            userId = jdbc.queryForObject("select id from app_user where email = ?", UUID.class, EMAIL);
            jdbc.update("update app_user set password_hash = ? where id = ?", context.getBean(PasswordEncoder.class).encode(password), userId);
            System.out.println("the benchmark's organisation is already in the database: measured as it is");
        }
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
        if (database.startsWith("PostgreSQL")) {
            jdbc.execute("analyze");
        }
        System.out.printf("%s; %,d improvement records and %,d actions in the organisation%n", database,
                jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ?", Long.class, organisationId),
                jdbc.queryForObject("select count(*) from action_item where organisation_id = ?", Long.class, organisationId));

        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, base, password);
        String token = context.getBean(IdentityManagement.class).createToken(userId, "page benchmark", 1);

        UUID recordId = jdbc.queryForObject("select id from improvement_record where organisation_id = ? and kind = 'NONCONFORMITY'"
                + " and status = 'ACTIONS_PLANNED' order by raised_at desc, reference desc limit 1", UUID.class, organisationId);
        String word = "firewall";
        String summary = "select id, reference, kind, status, title, grade, source, owner_id, area_id, target_date, raised_at"
                + " from improvement_record where organisation_id = ?";
        String newestFirst = " order by raised_at desc, reference desc limit 25";
        String actionList = "select id, origin_type, origin_id, origin_reference, title, owner_id, due_date, status"
                + " from action_item where organisation_id = ? and status in ('OPEN', 'IN_PROGRESS')";
        String record = "select * from improvement_record where organisation_id = ? and id = ?;"
                + "select * from action_item where organisation_id = ? and origin_id = ?;"
                + "select * from history_entry where organisation_id = ? and record_type = 'ImprovementRecord' and record_id = ?";
        String filtered = " and kind = 'NONCONFORMITY' and status = 'ACTIONS_PLANNED' and source = 'INTERNAL_AUDIT'";
        String api = "/api/v1/organisations/" + organisationId;
        Map<String, String> page = Map.of();
        Map<String, String> htmx = Map.of("HX-Request", "true");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String text = " and " + TEXT_CONDITION.replace("?", "'%" + word + "%'");
        // Issue 23: the register filtered by a requirement of another framework reaches the records naming the ISO
        // controls mapped to it (NIS2 incident handling: A.5.24 to A.5.27), through the index on (requirement, record).
        java.util.Set<String> reach = context.getBean(dev.ratchet.catalogue.CatalogueManagement.class).reach("nis2-2022-2555:Art.21(2)(b)");
        String mapped = " and exists (select 1 from improvement_requirement q where q.record_id = improvement_record.id and q.requirement in ("
                + String.join(", ", reach.stream().map(r -> "'" + r + "'").toList()) + "))";
        List<Measured> measured = List.of(
                new Measured("register, newest first (page)", "/improvements", page,
                        summary + newestFirst + ";select count(*) from improvement_record where organisation_id = ?",
                        new Object[] { organisationId, organisationId }),
                new Measured("register filtered by kind, status, source (page)",
                        "/improvements?kind=NONCONFORMITY&status=ACTIONS_PLANNED&source=INTERNAL_AUDIT", page,
                        summary + filtered + newestFirst + ";select count(*) from improvement_record where organisation_id = ?" + filtered,
                        new Object[] { organisationId, organisationId }),
                new Measured("the same as an htmx fragment",
                        "/improvements?kind=NONCONFORMITY&status=ACTIONS_PLANNED&source=INTERNAL_AUDIT", htmx,
                        summary + filtered + newestFirst + ";select count(*) from improvement_record where organisation_id = ?" + filtered,
                        new Object[] { organisationId, organisationId }),
                new Measured("register text search \"" + word + "\" (page)", "/improvements?q=" + word, page,
                        summary + text + newestFirst + ";select count(*) from improvement_record where organisation_id = ?" + text,
                        new Object[] { organisationId, organisationId }),
                new Measured("register filtered by NIS2 Art.21(2)(b), mapped (page)",
                        "/improvements?requirement=nis2-2022-2555:Art.21(2)(b)", page,
                        summary + mapped + newestFirst + ";select count(*) from improvement_record where organisation_id = ?" + mapped,
                        new Object[] { organisationId, organisationId }),
                new Measured("register filtered by ISO A.5.24, direct (page)", "/improvements?requirement=iso27001-2022:A.5.24", page,
                        summary + " and exists (select 1 from improvement_requirement q where q.record_id = improvement_record.id"
                                + " and q.requirement = 'iso27001-2022:A.5.24')" + newestFirst
                                + ";select count(*) from improvement_record where organisation_id = ? and exists (select 1 from"
                                + " improvement_requirement q where q.record_id = improvement_record.id and q.requirement = 'iso27001-2022:A.5.24')",
                        new Object[] { organisationId, organisationId }),
                new Measured("requirement search \"incident\", every catalogue (API)", "/api/v1/catalogue/requirements?q=incident", bearer,
                        "select 1", new Object[] {}),
                new Measured("register (API, 50)", api + "/improvements", bearer,
                        summary + " order by raised_at desc, reference desc limit 50;select count(*) from improvement_record where organisation_id = ?",
                        new Object[] { organisationId, organisationId }),
                new Measured("one record (page)", "/improvements/" + recordId, page, record,
                        new Object[] { organisationId, recordId, organisationId, recordId, organisationId, recordId.toString() }),
                new Measured("one record (API)", api + "/improvements/" + recordId, bearer, record,
                        new Object[] { organisationId, recordId, organisationId, recordId, organisationId, recordId.toString() }),
                new Measured("all actions, open, by due date (page)", "/actions", page,
                        actionList + " order by due_date, title limit 25;select count(*) from action_item where organisation_id = ?"
                                + " and status in ('OPEN', 'IN_PROGRESS')",
                        new Object[] { organisationId, organisationId }),
                new Measured("my actions (page)", "/actions/mine", page,
                        actionList + " and owner_id = ? order by due_date, title limit 25;select count(*) from action_item"
                                + " where organisation_id = ? and owner_id = ? and status in ('OPEN', 'IN_PROGRESS')",
                        new Object[] { organisationId, userId, organisationId, userId }));
        for (Measured m : measured) {
            HttpResponse<String> answer = fetch(browser, base, m);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(m.name() + ": " + answer.statusCode() + " " + answer.headers().firstValue("location").orElse(""));
            }
        }
        Map<Measured, long[]> pageTimes = new LinkedHashMap<>();
        Map<Measured, long[]> sqlTimes = new LinkedHashMap<>();
        measured.forEach(m -> {
            pageTimes.put(m, new long[ROUNDS]);
            sqlTimes.put(m, new long[ROUNDS]);
        });
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            for (Measured m : measured) {
                long started = System.nanoTime();
                HttpResponse<String> answer = fetch(browser, base, m);
                long pageTime = System.nanoTime() - started;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(m.name() + ": " + answer.statusCode());
                }
                started = System.nanoTime();
                sql(jdbc, m);
                long sqlTime = System.nanoTime() - started;
                if (round >= 0) {
                    pageTimes.get(m)[round] = pageTime;
                    sqlTimes.get(m)[round] = sqlTime;
                }
            }
        }
        System.out.printf("%n%-52s %9s %9s %9s %9s %7s%n", "request (" + ROUNDS + " each, interleaved)", "p50 ms", "p95 ms",
                "SQL p50", "SQL p95", "p95 ×");
        for (Measured m : measured) {
            double p95 = percentile(pageTimes.get(m), 95);
            double sqlP95 = percentile(sqlTimes.get(m), 95);
            System.out.printf("%-52s %9.1f %9.1f %9.1f %9.1f %7.1f%n", m.name(), percentile(pageTimes.get(m), 50), p95,
                    percentile(sqlTimes.get(m), 50), sqlP95, p95 / Math.max(sqlP95, 0.5));
        }
        System.out.println("(p95 × is the page's p95 over its SQL's p95, the SQL counted at 0.5 ms at least)");
        duringTheReminderJob(context, browser, base, measured.get(1), pageTimes.get(measured.get(1)));
    }

    /**
     * The reminder job over every open action (the organisation's tens of thousands overdue among them), run once
     * while the filtered register page is timed again: how long the job takes, how many statements it sends, and what
     * it does to the page's latency.
     */
    private static void duringTheReminderJob(ConfigurableApplicationContext context, HttpClient browser, String base, Measured page,
            long[] quiet) throws Exception {
        dev.ratchet.action.Reminders reminders = context.getBean(dev.ratchet.action.Reminders.class);
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        long[] job = new long[3];
        Thread run = new Thread(() -> {
            long started = System.nanoTime();
            StatementCount.start();
            job[0] = reminders.run(clock.instant());
            job[1] = StatementCount.stop();
            job[2] = System.nanoTime() - started;
        }, "reminder job");
        run.start();
        List<Long> times = new ArrayList<>();
        while (run.isAlive() && times.size() < 2_000) {
            long started = System.nanoTime();
            fetch(browser, base, page);
            times.add(System.nanoTime() - started);
        }
        run.join();
        long[] during = times.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("%nreminder job: %.1f s, %,d statements, %,d mails and notices%n", job[2] / 1e9, job[1], job[0]);
        if (during.length > 0) {
            System.out.printf("%s while it ran: p50 %.1f ms, p95 %.1f ms over %d requests (quiet: p50 %.1f, p95 %.1f)%n", page.name(),
                    percentile(during, 50), percentile(during, 95), during.length, percentile(quiet, 50), percentile(quiet, 95));
        }
        long started = System.nanoTime();
        StatementCount.start();
        int again = reminders.run(clock.instant());
        System.out.printf("the job again at once (everything already sent): %.2f s, %,d statements, %d mails%n",
                (System.nanoTime() - started) / 1e9, StatementCount.stop(), again);
    }

    /** The register's text search as it reaches the database. */
    private static final String TEXT_CONDITION = "(lower(title) like ? or lower(description) like ? or lower(reference) like ?)";

    private static void signIn(HttpClient browser, String base, String password) throws Exception {
        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "email=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error") || location.contains("second-factor")) {
            throw new IllegalStateException("signing in failed: " + answer.statusCode() + " " + location);
        }
    }

    private static HttpResponse<String> fetch(HttpClient browser, String base, Measured m) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + m.path())).timeout(Duration.ofSeconds(30));
        m.headers().forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sql(JdbcTemplate jdbc, Measured m) {
        int next = 0;
        for (String statement : m.sql().split(";")) {
            int count = (int) statement.chars().filter(c -> c == '?').count();
            Object[] parameters = Arrays.copyOfRange(m.parameters(), next, next + count);
            next += count;
            jdbc.queryForList(statement, parameters);
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private PageBenchmark() {
    }
}
