package dev.ratchet.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ratchet.Benchmarks;
import dev.ratchet.catalogue.Requirement;
import dev.ratchet.shared.Tenant;
import dev.ratchet.soa.SoaManagement;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The risk register's page (its first page, the two heat maps and the filter choices) and the SoA page (93 controls
 * with their links) in an organisation with 5,000 risks and 50,000 assessments, and a second organisation of the same
 * size beside it. Run with bench/risks.sh; prints p50/p95, asserts nothing. Arguments: number of risks (default
 * 5000), then optionally a JDBC URL, user and password (default: in-memory H2). Measures the work the pages' controllers
 * do (server side, without HTTP and template rendering).
 */
public final class RiskBenchmark {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = Benchmarks.start(args)) {
            run(context, args.length > 0 ? Integer.parseInt(args[0]) : 5_000);
        }
    }

    static void run(ConfigurableApplicationContext context, int count) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        RiskManagement risks = context.getBean(RiskManagement.class);
        RiskCriteriaManagement criteria = context.getBean(RiskCriteriaManagement.class);
        SoaManagement soa = context.getBean(SoaManagement.class);
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
                + c.getMetaData().getDatabaseProductVersion());
        UUID measured = null;
        for (int o = 0; o < 2; o++) {
            long started = System.nanoTime();
            Benchmarks.Organisation org = Benchmarks.organisation(context);
            Tenant management = new Tenant(org.id(), "Benchmark", org.managerId(), "Bench Person", Set.of("MANAGEMENT", "ISMS_MANAGER"));
            UUID criteriaId = criteria.approve(management, 0L, null).id();
            generate(jdbc, soa.controls(), org.id(), org.managerId(), criteriaId, count, 1 + o);
            System.out.printf("organisation %d: %d risks, %d assessments generated in %.1f s%n", o + 1, count, count * 10,
                    (System.nanoTime() - started) / 1e9);
            measured = measured == null ? org.id() : measured;
        }
        if (database.startsWith("PostgreSQL")) {
            jdbc.execute("analyze");
        }
        UUID org = measured;
        RiskFilter none = RiskFilter.none();
        System.out.printf("database: %s%n", database);
        measure("register page (first 50 by level, both heat maps, filter choices)", () -> {
            risks.search(org, none, PageRequest.of(0, 50, RiskFilter.order(null)));
            risks.heatMap(org, false);
            risks.heatMap(org, true);
            return risks.categories(org);
        });
        measure("register filtered on a heat map cell", () -> risks.search(org, new RiskFilter(null, null, null, null, 3, 4, false, null, null,
                null, null, null), PageRequest.of(0, 50, RiskFilter.order(null))));
        measure("register, risks above the acceptance criteria", () -> risks.search(org, new RiskFilter(null, null, null, null, null, null,
                false, null, null, true, null, null), PageRequest.of(0, 50, RiskFilter.order(null))));
        measure("heat map alone", () -> risks.heatMap(org, false));
        UUID one = jdbc.queryForObject("select id from risk where organisation_id = ? and reference = 'RSK-00042'", UUID.class, org);
        measure("one risk's page (10 assessments)", () -> risks.get(org, one));
        measure("SoA page (93 controls with their links)", () -> soa.rows(org));
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private static void measure(String what, Supplier<?> work) {
        for (int i = 0; i < 20; i++) {
            work.get();
        }
        int runs = 100;
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%s, %d runs: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, runs, millis[runs / 2], millis[(int) (runs * 0.95)],
                millis[runs - 1]);
    }

    /** Risks on the 5 × 5 defaults with ten assessments each, two controls named each, in batches. */
    private static void generate(JdbcTemplate jdbc, List<Requirement> controls, UUID org, UUID owner, UUID criteriaId, int count, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        List<Object[]> riskRows = new ArrayList<>();
        List<Object[]> requirementRows = new ArrayList<>();
        List<Object[]> assessmentRows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            UUID id = UUID.randomUUID();
            int il = 1 + random.nextInt(5);
            int ii = 1 + random.nextInt(5);
            int cl = 1 + random.nextInt(il);
            int ci = 1 + random.nextInt(ii);
            int inherent = level(il, ii);
            int current = Math.min(inherent, level(cl, ci));
            riskRows.add(new Object[] { id, org, "RSK-%05d".formatted(n), "Risk " + n + " of the benchmark", "Something could happen " + n,
                    "A consequence", owner, n % 7 == 0 ? "Technology" : n % 3 == 0 ? "People" : "Suppliers", criteriaId, il, ii, inherent, cl, ci,
                    current, Math.max(0, current - 1), n % 11 == 0 ? "RETAIN" : "MODIFY", n % 50 == 0 ? "CLOSED" : "OPEN",
                    java.sql.Date.valueOf(today.minusDays(random.nextInt(400))), java.sql.Date.valueOf(today.plusDays(random.nextInt(400) - 60)),
                    Timestamp.from(now.minusSeconds(n)) });
            Set<String> named = new java.util.TreeSet<>();
            named.add(controls.get(random.nextInt(controls.size())).reference());
            named.add(controls.get(random.nextInt(controls.size())).reference());
            named.forEach(r -> requirementRows.add(new Object[] { id, r }));
            for (int a = 0; a < 10; a++) {
                assessmentRows.add(new Object[] { UUID.randomUUID(), org, id, java.sql.Date.valueOf(today.minusDays(400 - a * 30)),
                        Timestamp.from(now.minusSeconds((10 - a) * 86_400L * 30 + n)), owner, a == 0 ? "INITIAL" : "SCHEDULED", criteriaId,
                        il, ii, inherent, cl, ci, current, Math.max(0, current - 1) });
            }
            if (riskRows.size() == 1000 || n == count) {
                jdbc.batchUpdate("""
                        insert into risk (id, organisation_id, reference, title, threat, consequence, owner_id, category, requirements, criteria_id,
                          inherent_likelihood, inherent_impact, inherent_level, current_likelihood, current_impact, current_level, target_level,
                          treatment, status, assessed_on, next_assessment_due, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", riskRows);
                jdbc.batchUpdate("insert into risk_requirement (risk_id, requirement) values (?, ?)", requirementRows);
                jdbc.batchUpdate("""
                        insert into risk_assessment (id, organisation_id, risk_id, assessed_on, assessed_at, assessed_by, reason, criteria_id,
                          inherent_likelihood, inherent_impact, inherent_level, current_likelihood, current_impact, current_level, target_level, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", assessmentRows);
                riskRows.clear();
                requirementRows.clear();
                assessmentRows.clear();
            }
        }
    }

    /** The default matrix's level of a likelihood and an impact (see RiskCriteriaManagement.defaults). */
    private static int level(int likelihood, int impact) {
        int score = likelihood * impact;
        return score <= 3 ? 0 : score <= 6 ? 1 : score <= 12 ? 2 : 3;
    }

    private RiskBenchmark() {
    }
}
