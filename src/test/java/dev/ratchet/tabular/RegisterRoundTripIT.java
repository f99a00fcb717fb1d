package dev.ratchet.tabular;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every register's own export (CSV and XLSX) imports back into another organisation and exports there as it did
 * here; malformed inputs are answered 422 naming row and column (never 500), and the register is left unchanged.
 */
class RegisterRoundTripIT extends IntegrationTest {

    /** A register: its API path, its export page, the CSV its import reads, and the export columns an import sets. */
    record Register(String api, String export, String csv, List<String> importable) {
    }

    static Register register(String name) {
        return switch (name) {
            case "incidents" -> new Register("/incidents", "/incidents/export", """
                    Reference,Title,Occurred,Detected,Resolved,Category,Severity,Affected assets,Summary,Response,Lessons learned
                    INC-7,Phishing mail clicked,2025-06-30 09:10,2025-06-30 09:40,2025-06-30 12:00,Phishing,Medium,Laptop of a sales rep,"Link clicked, password typed",Password reset,More training
                    INC-8,"=Spreadsheet formula, as text",,2025-07-02 15:00,,Malware,High,,A formula-looking title,,
                    """, List.of("Reference", "Title", "Occurred", "Detected", "Resolved", "Category", "Severity", "Affected assets", "Summary",
                    "Response", "Lessons learned"));
            case "changes" -> new Register("/changes", "/changes/export", """
                    Reference,Change,Reason,Impact,Planned date,Cause
                    CHG-3,Move backups to a second region,Resilience,Backup procedure changes,2030-05-31,
                    CHG-4,New HR system,Old one retired,Leaver process changes,2030-06-30,
                    """, List.of("Reference", "Change", "Reason", "Impact on the ISMS", "Planned date", "Cause"));
            case "obligations" -> new Register("/obligations", "/obligations/export", """
                    Reference,Name,Type,Jurisdiction,Source,How it applies,Owner,Next review
                    OBL-5,GDPR breach notification,Law,EU,Art. 33,Notify within 72 hours,,2030-01-31
                    OBL-6,Customer DPA,Contract,,MSA schedule 4,Sub-processors approved,,2030-03-31
                    """, List.of("Reference", "Name", "Type", "Jurisdiction", "Source", "How it applies", "Owner", "Next review"));
            case "feedback" -> new Register("/feedback", "/feedback/export", """
                    Reference,Received,Party,Party type,Kind,Subject,Feedback
                    FB-2,2025-05-02,Northwind Bank,Customer,Concern,MFA for admins,Asked whether admins use MFA
                    FB-3,2025-05-09,ICO,Regulator,Idea,Breach log,Suggested a template
                    """, List.of("Reference", "Received", "Kind", "From", "Party type", "Subject", "Feedback"));
            case "measurements" -> new Register("/objectives/measurements", "/objectives/measurements", """
                    Objective,Date,Value,Comment
                    OBJ-01,2025-01-31,91.5,January
                    OBJ-01,2025-02-28,93.25,
                    """, List.of("Objective", "Date", "Value", "Comment"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    void prepare(TestOrganisation org, String name) throws Exception {
        if (name.equals("measurements")) {
            api(org, Role.ISMS_MANAGER, "POST", "/objectives", """
                    {"title": "Patch quickly", "measure": "Critical patches within 14 days", "unit": "%", "target": 95,
                     "direction": "AT_LEAST", "frequency": "MONTHLY"}""", 201);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "incidents", "changes", "obligations", "feedback", "measurements" })
    void theExportImportsBackAsCsvAndAsXlsx(String name) throws Exception {
        Register register = register(name);
        TestOrganisation here = newOrganisation("Round trip " + name);
        prepare(here, name);
        api(here, Role.ISMS_MANAGER, "POST", register.api() + "/import", register.csv(), 201);
        String exported = export(here, register.export() + ".csv");
        byte[] workbook = mvc.perform(get(register.export() + ".xlsx").with(user(here.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        for (boolean xlsx : new boolean[] { false, true }) {
            TestOrganisation there = newOrganisation("Round trip " + name + (xlsx ? " xlsx" : " csv"));
            prepare(there, name);
            var request = post("/api/v1/organisations/{org}" + register.api() + "/import", there.id())
                    .header("Authorization", there.bearer(Role.ISMS_MANAGER))
                    .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                            : MediaType.parseMediaType("text/csv"))
                    .content(xlsx ? workbook : exported.getBytes(StandardCharsets.UTF_8));
            String answer = mvc.perform(request).andReturn().getResponse().getContentAsString();
            assertThat(answer).as(name + (xlsx ? " xlsx" : " csv") + ": " + answer).contains("\"imported\":2");
            assertThat(columns(export(there, register.export() + ".csv"), register.importable()))
                    .as(name + (xlsx ? " xlsx" : " csv")).isEqualTo(columns(exported, register.importable()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "incidents", "changes", "obligations", "feedback", "measurements" })
    void malformedInputIsNamedByRowAndColumnAndChangesNothing(String name) throws Exception {
        Register register = register(name);
        TestOrganisation org = newOrganisation("Malformed " + name);
        prepare(org, name);
        String[] lines = register.csv().split("\n");
        String header = lines[0];
        String good = lines[1];
        List<String> bad = new ArrayList<>();
        bad.add(header + "\n" + good.replaceFirst("(,[^,]*?[A-Za-z])", "$1\u0000") + "\n");          // a NUL in a text cell
        bad.add(header + "\n" + good.replaceAll("20\\d\\d-\\d\\d-\\d\\d", "+300000-01-01") + "\n");             // a year no one means
        bad.add(header + "\n" + good.replaceAll("20\\d\\d-\\d\\d-\\d\\d", "0000-01-01") + "\n" + lines[2].replaceAll("20\\d\\d-\\d\\d-\\d\\d", "0000-01-01") + "\n");
        bad.add(header + "\n" + good + ",an extra cell\n");                                                     // more cells than headers
        bad.add(header + "," + header.split(",")[1] + "\n" + good + ",again\n");                               // a column twice
        if (name.equals("measurements")) {
            bad.add(header + "\nOBJ-01,2025-01-31,1e30,\n");
            bad.add(header + "\nOBJ-01,2025-01-31,1.123456,\n");
        }
        for (String csv : bad) {
            var problems = api(org, Role.ISMS_MANAGER, "POST", register.api() + "/import", csv, 422).get("problems");
            assertThat(problems.isEmpty()).as(csv).isFalse();
            assertThat(problems.get(0).get("row").asLong()).as(csv).isGreaterThan(0);
            assertThat(problems.get(0).get("column").asString()).as(csv).isNotBlank();
        }
        assertThat(export(org, register.export() + ".csv").lines().count()).isEqualTo(1);
    }

    @Test
    void anImportOverTheLimitIsRefusedAsProblemDetailsBeforeItIsRead() throws Exception {
        TestOrganisation org = newOrganisation("Too large");
        byte[] huge = new byte[Spreadsheet.MAX_FILE_BYTES + 1];
        String answer = mvc.perform(post("/api/v1/organisations/{org}/incidents/import", org.id()).header("Authorization", org.bearer(Role.ISMS_MANAGER))
                .contentType(MediaType.parseMediaType("text/csv")).content(huge)).andExpect(status().is(413)).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"status\":413").contains("at most 40 MB");
    }

    @Test
    void twoImportsOfOneFileAtOnceImportItOnce() throws Exception {
        TestOrganisation org = newOrganisation("Twice at once");
        Register register = register("feedback");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<Integer> call = () -> mvc.perform(post("/api/v1/organisations/{org}/feedback/import", org.id())
                    .header("Authorization", org.bearer(Role.ISMS_MANAGER)).contentType(MediaType.parseMediaType("text/csv"))
                    .content(register.csv())).andReturn().getResponse().getStatus();
            answers.add(pool.submit(call));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(export(org, "/feedback/export.csv").lines().count()).isEqualTo(3);
    }

    String export(TestOrganisation org, String path) throws Exception {
        return mvc.perform(get(path).with(user(org.principal(Role.ISMS_MANAGER)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The export's rows, each cut to the named columns, as text, in order. */
    static List<String> columns(String csv, List<String> wanted) throws Exception {
        List<String> rows = new ArrayList<>(dev.ratchet.RegisterColumns.read(csv, wanted));
        rows.sort(String::compareTo);
        return rows;
    }
}
