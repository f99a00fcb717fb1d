package dev.ratchet.improvement;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.ratchet.Benchmarks;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.shared.Tenant;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast "probably similar" answers in an organisation with many records. Run with bench/similar-records.sh;
 * prints the figures, asserts nothing. Arguments: number of records (default 100000), then optionally a JDBC URL,
 * user and password (default: in-memory H2).
 */
public final class SimilarRecordsBenchmark {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = Benchmarks.start(args)) {
            run(context, Benchmarks.size(args));
        }
    }

    static void run(ConfigurableApplicationContext context, int count) {
        IdentityManagement identity = context.getBean(IdentityManagement.class);
        ImprovementManagement improvements = context.getBean(ImprovementManagement.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());

        Benchmarks.Organisation organisation = Benchmarks.organisation(context);
        UUID organisationId = organisation.id();
        UUID userId = organisation.managerId();
        Tenant tenant = identity.tenant(userId, organisationId).orElseThrow();

        RegisterGenerator generator = new RegisterGenerator(jdbc, 42);
        long started = System.nanoTime();
        generator.generate(organisationId, userId, count);
        System.out.printf("database: %s%nrecords generated: %d in %.1f s%n", database, count, (System.nanoTime() - started) / 1e9);
        if (database.startsWith("PostgreSQL")) {
            jdbc.execute("analyze improvement_term");
            jdbc.execute("analyze improvement_record");
        }

        RegisterGenerator queries = new RegisterGenerator(jdbc, 7);
        for (int i = 0; i < 30; i++) {
            improvements.similarTo(tenant, queries.text(), queries.text(), List.of(queries.requirement()), null);
        }
        int runs = 300;
        double[] millis = new double[runs];
        int found = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            String text = queries.text();
            found += improvements.similarTo(tenant, text, "Found that the " + text + " " + queries.detail(),
                    List.of(queries.requirement()), null).size();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("similar records, %d queries over %d records: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f suggestions each%n",
                runs, count, millis[runs / 2], millis[(int) (runs * 0.95)], millis[(int) (runs * 0.99)], millis[runs - 1],
                found / (double) runs);
    }

    private SimilarRecordsBenchmark() {
    }
}
