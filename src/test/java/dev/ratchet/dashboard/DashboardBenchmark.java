package dev.ratchet.dashboard;

import java.util.Arrays;
import java.util.UUID;

import dev.ratchet.Benchmarks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the dashboard's figures are counted in an organisation with many records (issue 9: 100,000 records,
 * the page within 300 ms). Run with bench/dashboard.sh; prints the figures, asserts nothing. Arguments: number of
 * records (default 100000), then optionally a JDBC URL, user and password (default: in-memory H2).
 */
public final class DashboardBenchmark {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = Benchmarks.start(args)) {
            run(context, Benchmarks.size(args));
        }
    }

    static void run(ConfigurableApplicationContext context, int count) {
        Dashboard dashboard = context.getBean(Dashboard.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());

        // The organisation measured, and a second one of the same size beside it (the queries must not scan it).
        UUID measured = null;
        for (int o = 0; o < 2; o++) {
            long started = System.nanoTime();
            // The demo organisation (18 months of audits, reviews, objectives, policies) with the bulk records added.
            UUID organisationId = Benchmarks.demo(context, 1 + o, count).id();
            System.out.printf("organisation %d: the demo and %d more records (with their actions and effectiveness reviews) generated in %.1f s%n", o + 1, count,
                    (System.nanoTime() - started) / 1e9);
            if (measured == null) {
                measured = organisationId;
            }
        }
        if (database.startsWith("PostgreSQL")) {
            jdbc.execute("analyze");
        }
        for (int i = 0; i < 20; i++) {
            dashboard.of(measured);
        }
        int runs = 100;
        double[] millis = new double[runs];
        DashboardView last = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = dashboard.of(measured);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("database: %s%n", database);
        System.out.printf("dashboard figures, %d runs, %d records in the organisation (%d beside it): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                runs, count, count, millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1]);
        System.out.printf("open nonconformities %d, overdue actions %d, slipped %d, effectiveness %s%%; heap in use %d MB%n",
                last.improvements().openNonconformities(), last.actions().overdue(), last.actions().slipped(),
                last.improvements().effectivenessRate(), (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private DashboardBenchmark() {
    }
}
