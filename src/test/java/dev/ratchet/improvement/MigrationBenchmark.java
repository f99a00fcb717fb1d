package dev.ratchet.improvement;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.ratchet.Benchmarks;
import dev.ratchet.identity.IdentityManagement;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.ImportUploads;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a tracker of many rows takes to come in (issue 16: 100,000 rows within 15 s on PostgreSQL, all or
 * nothing): a CSV of the shape "Ref, Raised, Source, Description, Immediate Correction, Root Cause, Corrective
 * Action, Owner, Due, Closed, Effectiveness Verified" (half of it closed and verified, every row with a corrective
 * action) read, checked and imported. Run with bench/migration.sh; prints figures, asserts nothing. Arguments: rows
 * (default 100000), then optionally a JDBC URL, user and password (default: in-memory H2).
 */
public final class MigrationBenchmark {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = Benchmarks.start(args)) {
            run(context, Benchmarks.size(args));
        }
    }

    static void run(ConfigurableApplicationContext context, int rows) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
        // A server that has run a while has its code compiled: one small migration first, in an organisation of its own.
        long warm = System.nanoTime();
        migrate(context, Math.min(rows, 5_000), false);
        System.out.printf("warm-up: 5,000 rows in %.1f s%n", (System.nanoTime() - warm) / 1e9);
        migrate(context, rows, true);
        System.out.printf("database: %s%n", database);
    }

    static void migrate(ConfigurableApplicationContext context, int rows, boolean report) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Benchmarks.Organisation organisation = Benchmarks.organisation(context);
        Tenant manager = context.getBean(IdentityManagement.class).tenant(organisation.managerId(), organisation.id()).orElseThrow();
        String owner = jdbc.queryForObject("select email from app_user where id = ?", String.class, organisation.managerId());
        StringBuilder csv = new StringBuilder("Ref,Raised,Source,Description,Immediate Correction,Root Cause,Corrective Action,Owner,Due,Closed,"
                + "Effectiveness Verified\n");
        String[] sources = { "Internal audit", "Incident", "External audit", "Customer complaint", "Management review" };
        java.time.LocalDate start = java.time.LocalDate.of(2016, 1, 1);
        for (int r = 0; r < rows; r++) {
            java.time.LocalDate raised = start.plusDays(r % 3500);
            boolean closed = r % 2 == 0;
            csv.append("T-").append(r + 1).append(',').append(raised).append(',').append(sources[r % sources.length])
                    .append(",Finding number ").append(r + 1).append(" about access reviews backups and supplier contracts item ").append(r % 97)
                    .append(",Fixed at once,Process step missing ").append(r % 13).append(",Add the step to the checklist ").append(r % 31)
                    .append(',').append(owner).append(',').append(raised.plusDays(30)).append(',')
                    .append(closed ? raised.plusDays(20).toString() : "").append(',').append(closed ? raised.plusDays(60).toString() : "").append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        TrackerMigration migration = context.getBean(TrackerMigration.class);
        UUID upload = context.getBean(ImportUploads.class).store(organisation.id(), TrackerMigration.REGISTER, "bench.csv", content, rows,
                organisation.managerId());
        Runtime runtime = Runtime.getRuntime();
        long t0 = System.nanoTime();
        TrackerMigration.Table table = migration.table("bench.csv", content, TrackerMigration.Settings.guessed());
        long t1 = System.nanoTime();
        TrackerMigration.Check check = migration.check(manager, table, TrackerMigration.Settings.guessed());
        long t2 = System.nanoTime();
        TrackerMigration.Migration done = migration.importFile(manager, upload, TrackerMigration.Settings.guessed());
        long t3 = System.nanoTime();
        if (!report) {
            return;
        }
        System.out.printf("file: %d rows, %.1f MB of CSV; problems %d%n", rows, content.length / 1e6, check.problems().size());
        System.out.printf("read %.1f s, checked (preview) %.1f s, imported (read, checked again and written) %.1f s%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        System.out.printf("imported %d records, %d actions, %d effectiveness reviews; history entries %d; heap in use %d MB%n", done.records(),
                done.actions(), done.reviews(), jdbc.queryForObject("select count(*) from history_entry where organisation_id = ?", Long.class,
                        organisation.id()), (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private MigrationBenchmark() {
    }
}
