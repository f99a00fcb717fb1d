package dev.ratchet.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ratchet.Benchmarks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a database for benchmarks and load tests: {@code organisations} demo organisations (each Kestrel Analytics
 * with its people and 18 months of history, written through the services), and {@code records} more improvement
 * records in bulk in the first one. Run with bench/generate.sh; prints what it made and how fast. Arguments:
 * organisations, records, then optionally a JDBC URL, user and password (default: in-memory H2).
 */
public final class GenerateData {

    public static void main(String[] args) throws Exception {
        int organisations = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try (ConfigurableApplicationContext context = Benchmarks.start(rest)) {
            run(context, organisations, records);
        }
    }

    static void run(ConfigurableApplicationContext context, int organisations, int records) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        // Numbers after those already in the database, so that a second run adds to the first.
        int first = jdbc.queryForObject("select count(*) from organisation", Integer.class) + 1;
        int threads = Math.max(1, Math.min(organisations, Runtime.getRuntime().availableProcessors()));
        long started = System.nanoTime();
        // Every ISMS manager gets this run's password, so that the organisations can be opened and load-tested.
        byte[] secret = new byte[18];
        new java.security.SecureRandom().nextBytes(secret);
        String password = java.util.Base64.getUrlEncoder().encodeToString(secret);
        // The first alone (it may start the installation's history), then the others side by side.
        Benchmarks.Organisation firstOrganisation = organisations > 0 ? Benchmarks.demo(context, first, 0, password) : null;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Benchmarks.Organisation>> made = new ArrayList<>();
            for (int n = 1; n < organisations; n++) {
                int number = first + n;
                made.add(pool.submit(() -> Benchmarks.demo(context, number, 0, password)));
            }
            for (int i = 0; i < made.size(); i++) {
                made.get(i).get();
                if ((i + 2) % 50 == 0) {
                    System.out.printf("%d of %d organisations, %.0f s%n", i + 2, organisations, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
        double storySeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d demo organisations in %.1f s on %d threads (%.2f s each, %.1f per second)%n", organisations,
                storySeconds, threads, storySeconds * threads / organisations, organisations / storySeconds);
        if (records > 0 && firstOrganisation != null) {
            long bulk = System.nanoTime();
            new dev.ratchet.improvement.RegisterGenerator(jdbc, 42).generate(firstOrganisation.id(), firstOrganisation.managerId(), records);
            System.out.printf("%d more improvement records in the first organisation (%s) in %.1f s%n", records,
                    firstOrganisation.id(), (System.nanoTime() - bulk) / 1e9);
        }
        for (String table : List.of("organisation", "app_user", "improvement_record", "action_item", "audit", "management_review",
                "objective_measurement", "incident", "policy_version", "history_entry")) {
            System.out.printf("  %-22s %,12d rows%n", table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        if (organisations > 0) {
            System.out.printf("the ISMS manager of organisation n (%d to %d) signs in as priya.natarajan@kestrel-<n, five digits>.example "
                    + "with the password %s%n", first, first + organisations - 1, password);
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private GenerateData() {
    }
}
