package dev.ratchet.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Requirement search across every catalogue (issue 23: about 1,000 requirements answered within 20 ms): the shipped
 * frameworks, plus a generated one of {@code size} requirements in the catalogue folder so that the total reaches the
 * issue's figure; then the mapping lookups a record's page and the register's filter make. Prints p50 / p95 / max in
 * microseconds; it is a benchmark, not a test.
 */
public final class RequirementSearchBenchmark {

    private static final int ROUNDS = 2_000;

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path folder = Files.createTempDirectory("ratchet-catalogue");
        StringBuilder generated = new StringBuilder("""
                {"id": "bench-extra", "name": "Benchmark framework", "source": "generated", "version": "1", "licence": "none",
                 "written": "2026-12-02", "requirements": [""");
        for (int i = 0; i < size; i++) {
            generated.append(i == 0 ? "" : ",").append("{\"code\": \"BX-").append(i).append("\", \"title\": \"Generated control ")
                    .append(i).append(" on incident response, backup and access review\", \"kind\": \"CONTROL\"}");
        }
        Files.writeString(folder.resolve("bench-extra.json"), generated.append("]}").toString());
        long started = System.nanoTime();
        CatalogueManagement catalogue = new CatalogueManagement(folder.toString());
        double loaded = (System.nanoTime() - started) / 1e6;
        int total = catalogue.frameworks().stream().mapToInt(f -> f.requirements().size()).sum();
        System.out.printf("%d frameworks, %,d requirements, %d mappings with %,d rows; loaded and checked in %.0f ms%n",
                catalogue.frameworks().size(), total, catalogue.mappings().size(),
                catalogue.mappings().stream().mapToInt(m -> m.rows().size()).sum(), loaded);

        List<String> queries = List.of("incident", "backup", "a.5.2", "rs.ma", "art.21", "access", "supplier", "zzz-nothing", "", "9.2");
        for (String q : queries) {
            long[] nanos = new long[ROUNDS];
            int found = 0;
            for (int round = -200; round < ROUNDS; round++) {
                long t = System.nanoTime();
                found = catalogue.search((String) null, q, null).size();
                if (round >= 0) {
                    nanos[round] = System.nanoTime() - t;
                }
            }
            print("search \"" + q + "\" (" + found + " found)", nanos);
        }
        Set<String> inScope = Set.of("iso27001-2022", "nis2-2022-2555", "nist-csf-2.0", "soc2-tsc-2017");
        long[] lookups = new long[ROUNDS];
        long[] reach = new long[ROUNDS];
        for (int round = -200; round < ROUNDS; round++) {
            long t = System.nanoTime();
            catalogue.mapped("iso27001-2022:A.5.24", inScope);
            long mid = System.nanoTime();
            catalogue.reach("nist-csf-2.0:RS.MA");
            if (round >= 0) {
                lookups[round] = mid - t;
                reach[round] = System.nanoTime() - mid;
            }
        }
        print("also touches A.5.24 (frameworks in scope)", lookups);
        print("register filter reach of CSF RS.MA", reach);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-48s p50 %8.1f µs   p95 %8.1f µs   max %8.1f µs%n", what, sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.95)] / 1e3, sorted[sorted.length - 1] / 1e3);
    }
}
