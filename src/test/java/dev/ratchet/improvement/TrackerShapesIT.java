package dev.ratchet.improvement;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ratchet.IntegrationTest;
import dev.ratchet.RegisterColumns;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.organisation.AreaForm;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.ImportUploads;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Trackers of the three shapes kept in the wild, written by the test the way people write them (CSV in Windows-1252
 * with semicolons, CSV with a byte-order mark, a workbook with a summary sheet first, a merged title row, formulas,
 * blank and section rows), each imported and checked record by record against its rows.
 */
class TrackerShapesIT extends IntegrationTest {

    @Autowired
    TrackerMigration migration;

    @Autowired
    ImportUploads uploads;

    @Autowired
    dev.ratchet.history.HistoryManagement history;

    // --- "Ref, Raised, Source, Description, Immediate Correction, Root Cause, Corrective Action, Owner, Due, Closed, Effectiveness Verified"

    @Test
    void aTrackerWithoutStatusGetsItsStatesFromItsEvidenceWithActionsAndVerifications() throws Exception {
        TestOrganisation org = newOrganisation("Shape one");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        String owner = org.email(Role.CONTRIBUTOR);
        // Windows-1252, semicolons, decimal commas in a kept column, names with accents.
        String csv = String.join("\r\n",
                "Ref;Raised;Source;Description;Immediate Correction;Root Cause;Corrective Action;Owner;Due;Closed;Effectiveness Verified;Cost (€)",
                "R-1;03/02/2025;Internal audit;Zoë's laptop was not encrypted when it left the office;Laptop encrypted;Build script skipped BitLocker;"
                        + "Add the encryption check to the build script;" + owner + ";15/03/2025;10/03/2025;12/05/2025;1.250,50",
                "R-2;10/02/2025;Incident;Visitor badge not returned at reception;Badge disabled;Reception rota unclear;Write the rota;" + owner
                        + ";01/04/2025;;;0,00",
                "R-3;11/02/2025;Customer complaint;Supplier contract lacks a security clause;;Template out of date;;;;;;",
                "R-4;12/02/2025;External audit;Backups not tested since January;Test run today;;;;;;;",
                "R-5;13/02/2025;Internal audit;Firewall rule without a ticket;;;;;;;;",
                "R-6;14/02/2025;Internal audit;Admin rights not reviewed this quarter;Rights reviewed;Calendar reminder missing;Monthly review task;"
                        + owner + ";01/03/2025;;Yes;",
                "R-7;;Management review;José asked for a phishing exercise;;;;;;20/03/2025;;");
        byte[] content = csv.getBytes(Charset.forName("windows-1252"));
        UUID upload = store(org, "Corrective actions.csv", content);
        TrackerMigration.Table table = migration.table("Corrective actions.csv", content, TrackerMigration.Settings.guessed());
        assertThat(table.encoding()).isEqualTo("windows-1252");
        assertThat(table.encodingDetected()).isTrue();
        TrackerMigration.Check check = migration.check(manager, table, TrackerMigration.Settings.guessed());
        assertThat(check.mapping()).containsExactly(TrackerMigration.Target.REFERENCE, TrackerMigration.Target.RAISED_ON,
                TrackerMigration.Target.SOURCE, TrackerMigration.Target.DESCRIPTION, TrackerMigration.Target.CORRECTION,
                TrackerMigration.Target.ROOT_CAUSE, TrackerMigration.Target.CORRECTIVE_ACTION, TrackerMigration.Target.OWNER,
                TrackerMigration.Target.TARGET_DATE, TrackerMigration.Target.CLOSED_ON, TrackerMigration.Target.EFFECTIVENESS,
                TrackerMigration.Target.KEEP);
        assertThat(check.problems()).isEmpty();
        // The preview says how many rows land in each state and why.
        assertThat(check.states()).extracting(s -> s.status() + " " + s.reason() + " " + s.rows()).containsExactlyInAnyOrder(
                "CLOSED CLOSED_DATE 2", "ACTIONS_PLANNED ACTION 1", "ANALYSED ROOT_CAUSE 1", "CONTAINED CORRECTION 1", "REPORTED NOTHING 1",
                "EFFECTIVENESS_REVIEW VERIFIED 1");
        // Every default applied is counted: titles from the description, a raised date from the closed date.
        assertThat(check.notices()).anyMatch(n -> n.startsWith("7 rows without a title"))
                .anyMatch(n -> n.startsWith("1 row without a raised date: dated by the closed"));

        // The person changes a derived state: rows whose only evidence is a correction count as just reported.
        Map<String, String> override = Map.of("STATE:NONCONFORMITY:CORRECTION", "REPORTED");
        TrackerMigration.Settings settings = new TrackerMigration.Settings(null, null, null, null, override);
        migration.importFile(manager, upload, settings);

        var r1 = record(org, "R-1");
        assertThat(r1.get("status")).isEqualTo("CLOSED");
        assertThat(r1.get("title")).isEqualTo("Zoë's laptop was not encrypted when it left the office");
        assertThat(r1.get("source")).isEqualTo("INTERNAL_AUDIT");
        assertThat(r1.get("correction")).isEqualTo("Laptop encrypted");
        assertThat(r1.get("root_cause")).isEqualTo("Build script skipped BitLocker");
        assertThat(r1.get("owner_id")).isEqualTo(org.userIds().get(Role.CONTRIBUTOR));
        assertThat(r1.get("target_date").toString()).isEqualTo("2025-03-15");
        assertThat(r1.get("description").toString()).contains("Cost (€): 1.250,50").doesNotContain("\uFFFD");
        assertThat(day(org, r1, "raised_at")).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(day(org, r1, "closed_at")).isEqualTo(LocalDate.of(2025, 3, 10));
        var a1 = actions(org, r1);
        assertThat(a1).hasSize(1);
        assertThat(a1.get(0)).containsEntry("title", "Add the encryption check to the build script").containsEntry("status", "DONE");
        assertThat(a1.get(0).get("due_date").toString()).isEqualTo("2025-03-15");
        var v1 = jdbc.queryForMap("select effective, reviewed_at from effectiveness_review where record_id = ?", r1.get("id"));
        assertThat(v1.get("effective")).isEqualTo(true);

        var r2 = record(org, "R-2");
        assertThat(r2.get("status")).isEqualTo("ACTIONS_PLANNED");
        assertThat(r2.get("closed_at")).isNull();
        assertThat(actions(org, r2)).singleElement().satisfies(a -> assertThat(a).containsEntry("status", "OPEN"));
        assertThat(record(org, "R-3")).containsEntry("status", "ANALYSED").containsEntry("source", "FEEDBACK");
        assertThat(record(org, "R-4")).containsEntry("status", "REPORTED").containsEntry("source", "CERTIFICATION_AUDIT");
        assertThat(record(org, "R-5")).containsEntry("status", "REPORTED");
        assertThat(record(org, "R-6")).containsEntry("status", "EFFECTIVENESS_REVIEW");
        var r7 = record(org, "R-7");
        assertThat(r7.get("status")).isEqualTo("CLOSED");
        assertThat(r7.get("title").toString()).startsWith("José asked");
        assertThat(day(org, r7, "raised_at")).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(count(org)).isEqualTo(7);
    }

    // --- "Finding ID, Area, Finding, Severity, Root Cause, Corrective Action, Owner, Status" -----------------------

    @Test
    void aWorkbookWithASummarySheetATitleRowFormulasAndSectionRowsComesInByItsRegisterSheet() throws Exception {
        TestOrganisation org = newOrganisation("Shape two");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        AreaForm hr = new AreaForm();
        hr.setName("People and HR");
        hr.setOwnerId(org.userIds().get(Role.ISMS_MANAGER));
        UUID hrId = organisations.createArea(org.id(), hr).id();
        byte[] content;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = workbook.createSheet("Summary");
            String[][] counts = { { "Status", "Count" }, { "Open", "3" }, { "Closed", "2" }, { "See the Register sheet", "" } };
            for (int r = 0; r < counts.length; r++) {
                Row row = summary.createRow(r);
                row.createCell(0).setCellValue(counts[r][0]);
                row.createCell(1).setCellValue(counts[r][1]);
            }
            Sheet register = workbook.createSheet("Register");
            register.createRow(0).createCell(0).setCellValue("ISMS findings register 2025 (confidential)");
            register.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            String[] headers = { "Finding ID", "Area", "Finding", "Severity", "Root Cause", "Corrective Action", "Owner", "Status", "Days open" };
            Row header = register.createRow(2);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            Object[][] rows = {
                    { "F-01", "IT operations", "Patching of the VPN appliance is late", "Major", "No owner for appliances", "Name an owner", "owner", "Open" },
                    { "F-02", "People and HR", "Two leavers kept their badges", "Minor", "", "", "owner", "Closed" },
                    null, // a blank row
                    { "Q2 findings" }, // a section heading
                    { "F-03", "Facilities", "Fire door propped open", "Observation", "", "", "", "On hold" },
                    { "F-04", "IT operations", "Could automate the access review", "OFI", "", "", "", "Awaiting verification" },
                    { "F-05", "IT operations", "Logs kept 30 days instead of 90", "Minor", "Default retention", "Change retention", "owner",
                            "=IF(1>0,\"Open\",\"Closed\")" },
            };
            int r = 3;
            for (Object[] values : rows) {
                Row row = register.createRow(r++);
                if (values == null) {
                    row.createCell(0).setCellValue("");
                    continue;
                }
                for (int c = 0; c < values.length; c++) {
                    String v = values[c].toString();
                    if (v.equals("owner")) {
                        v = org.email(Role.CONTRIBUTOR);
                    }
                    if (v.startsWith("=")) {
                        row.createCell(c).setCellFormula(v.substring(1));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
                if (values.length > 1) {
                    row.createCell(8).setCellFormula("LEN(C" + r + ")");
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            content = out.toByteArray();
        }
        TrackerMigration.Table table = migration.table("findings.xlsx", content, TrackerMigration.Settings.guessed());
        assertThat(table.sheetName()).isEqualTo("Register");
        assertThat(table.headerRow()).isEqualTo(3);
        assertThat(table.sheetNames()).containsExactly("Summary", "Register");
        TrackerMigration.Check check = migration.check(manager, table, TrackerMigration.Settings.guessed());
        assertThat(check.problems()).isEmpty();
        assertThat(check.lines()).extracting(TrackerMigration.Line::row).containsExactly(4, 5, 8, 9, 10);
        assertThat(check.notices()).anyMatch(n -> n.contains("Row 6 is empty") && n.contains("Row 7 holds only \"Q2 findings\""))
                .anyMatch(n -> n.contains("\"Facilities\""));
        assertThat(check.above()).containsExactly("ISMS findings register 2025 (confidential)");
        // The values people use are read: Observation and OFI are opportunities; Awaiting verification and On hold are states.
        var severity = check.valueColumns().stream().filter(v -> v.target() == TrackerMigration.Target.GRADE).findFirst().orElseThrow();
        assertThat(severity.values()).extracting(v -> v.value() + "=" + v.choice())
                .containsExactlyInAnyOrder("Major=MAJOR", "Minor=MINOR", "Observation=OPPORTUNITY", "OFI=OPPORTUNITY");
        var states = check.valueColumns().stream().filter(v -> v.target() == TrackerMigration.Target.STATUS).findFirst().orElseThrow();
        assertThat(states.values()).extracting(v -> v.value() + "=" + v.choice())
                .containsExactlyInAnyOrder("Open=OPEN", "Closed=CLOSED", "On hold=OPEN", "Awaiting verification=EFFECTIVENESS_REVIEW");

        // The page shows the sheet to choose, the values and the states.
        UUID upload = store(org, "findings.xlsx", content);
        String page = mvc.perform(get("/improvements/migration/" + upload).with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"sheet\"").contains("Summary").contains("values-GRADE").contains("Observation").contains("id=\"states\"")
                .contains("Import all 5 records");

        migration.importFile(manager, upload, TrackerMigration.Settings.guessed());
        assertThat(record(org, "F-01")).containsEntry("kind", "NONCONFORMITY").containsEntry("grade", "MAJOR")
                .containsEntry("status", "ACTIONS_PLANNED").containsEntry("area_id", org.areaId());
        assertThat(record(org, "F-02")).containsEntry("status", "CLOSED").containsEntry("area_id", hrId).containsEntry("grade", "MINOR");
        var f3 = record(org, "F-03");
        assertThat(f3).containsEntry("kind", "OPPORTUNITY").containsEntry("status", "REPORTED");
        assertThat(f3.get("area_id")).isNull();
        assertThat(f3.get("description").toString()).contains("Area: Facilities").contains("Days open: 22");
        assertThat(record(org, "F-04")).containsEntry("kind", "OPPORTUNITY");
        // The computed status is read as the value Excel stored ("Open"), not as the formula's text.
        assertThat(record(org, "F-05")).containsEntry("status", "ACTIONS_PLANNED");
        assertThat(count(org)).isEqualTo(5);
    }

    // --- "NCR#, Audit Type, Section, Item, Category, Description, Root Cause, Corrective Action, Responsible Person, Target Date"

    @Test
    void clausesControlsCategoriesAndAuditTypesAreReadAsPeopleWriteThem() throws Exception {
        TestOrganisation org = newOrganisation("Shape three");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        String person = org.name().substring(org.name().lastIndexOf(' ') + 1);
        String csv = "\uFEFFNCR#,Audit Type,Section,Item,Category,Description,Root Cause,Corrective Action,Responsible Person,Target Date\n"
                + "NCR-001,Internal,Clause 9.2,3,Minor NC,The audit programme skipped two areas,,,Contributor " + person + ",2030-01-31\n"
                + "NCR-002,External,A.8.8,7,Major NC,Critical patches late on three servers,Patch window unclear,Agree a window,,2030-02-28\n"
                + "NCR-003,Client,8.8,1,Observation,Vulnerability scan reports not reviewed,,,,\n"
                + "NCR-004,Internal,\"A.5.15, A.8.2\",2,Enhancement,Access rights could be reviewed by tool,,,,\n"
                + "NCR-005,Internal,Clause 99.9,4,Minor NC,Clause number mistyped in the tracker,,,,\n";
        byte[] content = csv.getBytes(StandardCharsets.UTF_8);
        TrackerMigration.Table table = migration.table("ncr.csv", content, TrackerMigration.Settings.guessed());
        assertThat(table.encoding()).isEqualTo("UTF-8");
        assertThat(table.headers().get(0)).isEqualTo("NCR#");
        TrackerMigration.Check check = migration.check(manager, table, TrackerMigration.Settings.guessed());
        assertThat(check.mapping()).containsExactly(TrackerMigration.Target.REFERENCE, TrackerMigration.Target.SOURCE,
                TrackerMigration.Target.REQUIREMENTS, TrackerMigration.Target.KEEP, TrackerMigration.Target.KIND, TrackerMigration.Target.DESCRIPTION,
                TrackerMigration.Target.ROOT_CAUSE, TrackerMigration.Target.CORRECTIVE_ACTION, TrackerMigration.Target.OWNER,
                TrackerMigration.Target.TARGET_DATE);
        assertThat(check.problems()).isEmpty();
        assertThat(check.notices()).anyMatch(n -> n.contains("\"99.9\"")).anyMatch(n -> n.contains("corrective action but no owner"));
        UUID upload = store(org, "ncr.csv", content);
        // "Enhancement" is an opportunity by guess; this company means a nonconformity by it, and says so.
        migration.importFile(manager, upload, new TrackerMigration.Settings(null, null, null, null, Map.of("KIND:enhancement", "NONCONFORMITY")));

        assertThat(record(org, "NCR-001")).containsEntry("source", "INTERNAL_AUDIT").containsEntry("grade", "MINOR")
                .containsEntry("requirements", "iso27001-2022:9.2").containsEntry("owner_id", org.userIds().get(Role.CONTRIBUTOR));
        var ncr2 = record(org, "NCR-002");
        assertThat(ncr2).containsEntry("source", "CERTIFICATION_AUDIT").containsEntry("grade", "MAJOR")
                .containsEntry("requirements", "iso27001-2022:A.8.8").containsEntry("status", "ACTIONS_PLANNED");
        assertThat(actions(org, ncr2)).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("owner_id", org.userIds().get(Role.ISMS_MANAGER)).containsEntry("status", "OPEN");
            assertThat(a.get("due_date").toString()).isEqualTo("2030-02-28");
        });
        assertThat(record(org, "NCR-003")).containsEntry("kind", "OPPORTUNITY").containsEntry("source", "CLIENT_AUDIT")
                .containsEntry("requirements", "iso27001-2022:A.8.8");
        assertThat(record(org, "NCR-004")).containsEntry("kind", "NONCONFORMITY")
                .containsEntry("requirements", "iso27001-2022:A.5.15,iso27001-2022:A.8.2");
        assertThat(record(org, "NCR-005").get("description").toString()).contains("Section: Clause 99.9").contains("Item: 4");
        assertThat(jdbc.queryForObject("select count(*) from improvement_requirement where record_id = ?", Long.class,
                record(org, "NCR-004").get("id"))).isEqualTo(2);

        // The organisation's choice is offered again at its next migration.
        String next = "Ref,Category,Description\nX-1,Enhancement,Another idea\n";
        TrackerMigration.Table later = migration.table("next.csv", next.getBytes(StandardCharsets.UTF_8), TrackerMigration.Settings.guessed());
        var kinds = migration.check(manager, later, TrackerMigration.Settings.guessed()).valueColumns().get(0);
        assertThat(kinds.values()).singleElement().satisfies(v -> {
            assertThat(v.choice()).isEqualTo("NONCONFORMITY");
            assertThat(v.remembered()).isTrue();
        });
    }

    // --- what must be refused -----------------------------------------------------------------------------------

    @Test
    void implausibleDatesDuplicatesAndUncalculatedFormulasAreNamedByRowAndColumn() throws Exception {
        TestOrganisation org = newOrganisation("Refusals");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        String csv = "Ref;Title;Raised;Closed\n"
                + "D-1;Typed the wrong century;03/02/1925;\n"
                + "D-2;Closed before raised;03/02/2025;01/02/2025\n"
                + "D-1;The same reference twice;03/02/2025;\n"
                + "D-3;Raised in the future;03/02/2099;\n"
                + "D-4;Control character \u0000 inside;03/02/2025;\n";
        var check = migration.check(manager, migration.table("d.csv", csv.getBytes(StandardCharsets.UTF_8), TrackerMigration.Settings.guessed()),
                TrackerMigration.Settings.guessed());
        assertThat(check.problems()).extracting(p -> p.row() + " " + p.column() + ": " + p.message()).containsExactly(
                "2 Raised: \"03/02/1925\" is before 1990: check the year",
                "3 Closed: Closed on 2025-02-01, before it was raised (2025-02-03)",
                "4 Ref: The reference D-1 is also on row 2: each record once",
                "5 Raised: The date raised 2099-02-03 is in the future",
                "6 Title: The cell holds a control character (such as NUL) that text cannot hold: remove it");

        byte[] uncalculated;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Register");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Title");
            header.createCell(1).setCellValue("Raised");
            header.createCell(2).setCellValue("Due");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Written by a program that does not calculate");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row.createCell(1).setCellValue(LocalDate.of(2025, 3, 2));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellFormula("B2+30");
            workbook.write(out);
            uncalculated = out.toByteArray();
        }
        var formulas = migration.check(manager, migration.table("f.xlsx", uncalculated, TrackerMigration.Settings.guessed()),
                TrackerMigration.Settings.guessed());
        assertThat(formulas.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("Due");
            assertThat(p.message()).contains("formula in this cell has no value stored");
        });
        assertThat(count(org)).isZero();
    }

    // --- once, and undone -------------------------------------------------------------------------------------

    @Test
    void theSameFileImportedTwiceAtOnceComesInOnceAndAMigrationCanBeUndone() throws Exception {
        TestOrganisation org = newOrganisation("Twice");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        StringBuilder csv = new StringBuilder("Ref,Title,Raised,Closed,Corrective action\n");
        for (int i = 1; i <= 40; i++) {
            csv.append("T-").append(i).append(",Finding ").append(i).append(",2025-01-").append(String.format("%02d", 1 + i % 28))
                    .append(',').append(i % 2 == 0 ? "2025-03-01" : "").append(",Action ").append(i).append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        UUID first = store(org, "t.csv", content);
        UUID second = store(org, "t.csv", content);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        for (UUID upload : List.of(first, second)) {
            Callable<Object> task = () -> {
                try {
                    return migration.importFile(manager, upload, TrackerMigration.Settings.guessed());
                } catch (Refused refused) {
                    return refused;
                }
            };
            results.add(pool.submit(task));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o instanceof TrackerMigration.Migration).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Refused).singleElement()
                .satisfies(o -> assertThat(((Refused) o).getMessage()).contains("imported already"));
        assertThat(count(org)).isEqualTo(40);
        assertThat(jdbc.queryForObject("select count(*) from action_item where organisation_id = ?", Long.class, org.id())).isEqualTo(40);
        // The history was appended in batches: one entry per record, action and the migration, the chain intact.
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ? and record_type in"
                + " ('ImprovementRecord', 'ActionItem')", Long.class, org.id())).isEqualTo(80);
        assertThat(history.verify(org.id()).intact()).isTrue();

        // Undone as a whole: records, actions and verifications leave the register, the history keeps them; the file can come in again.
        TrackerMigration.Migration done = migration.migrations(manager).get(0);
        assertThat(done.undoable()).isTrue();
        migration.undo(manager, done.id(), null);
        assertThat(count(org)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from action_item where organisation_id = ?", Long.class, org.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ? and record_type = 'ImprovementRecord'"
                + " and action = 'DELETE'", Long.class, org.id())).isEqualTo(40);
        assertThat(migration.migrations(manager).get(0).undoneAt()).isNotNull();
        assertThatThrownBy(() -> migration.undo(manager, done.id(), null)).hasMessageContaining("undone already");

        UUID third = store(org, "t.csv", content);
        migration.importFile(manager, third, TrackerMigration.Settings.guessed());
        assertThat(count(org)).isEqualTo(40);
        assertThat(history.verify(org.id()).intact()).isTrue();
        // Once a record has been worked on, the migration is no longer undone wholesale.
        jdbc.update("update improvement_record set title = 'Changed', version = version + 1 where organisation_id = ? and tracker_reference = 'T-1'", org.id());
        UUID latest = migration.migrations(manager).get(0).id();
        assertThatThrownBy(() -> migration.undo(manager, latest, null)).hasMessageContaining("worked on since");
        assertThat(count(org)).isEqualTo(40);
    }

    // --- the improvement log imports back ------------------------------------------------------------------------

    @Test
    void theImprovementLogExportedInXlsxComesBackThroughTheMigration() throws Exception {
        TestOrganisation here = newOrganisation("Log here");
        Tenant manager = here.tenant(Role.ISMS_MANAGER);
        String owner = here.email(Role.CONTRIBUTOR);
        String csv = "Ref,Raised,Description,Root Cause,Corrective Action,Owner,Due,Closed,Severity,Clause\n"
                + "L-1,2025-02-03,Laptop not encrypted,Build script skipped it,Add a check," + owner + ",2025-03-15,2025-03-10,Major,A.8.1\n"
                + "L-2,2025-02-10,Visitor badge not returned,Rota unclear,Write the rota," + owner + ",2030-04-01,,Minor,A.7.2\n"
                + "L-3,2025-02-11,Could automate access reviews,,,,,,Observation,\n";
        migration.importFile(manager, store(here, "l.csv", csv.getBytes(StandardCharsets.UTF_8)), TrackerMigration.Settings.guessed());
        byte[] log = mvc.perform(get("/improvements/export.xlsx").with(user(here.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        TestOrganisation there = newOrganisation("Log there");
        Tenant theirs = there.tenant(Role.ISMS_MANAGER);
        TrackerMigration.Table table = migration.table("log.xlsx", log, TrackerMigration.Settings.guessed());
        TrackerMigration.Check check = migration.check(theirs, table, TrackerMigration.Settings.guessed());
        assertThat(check.problems()).isEmpty();
        migration.importFile(theirs, store(there, "log.xlsx", log), TrackerMigration.Settings.guessed());
        for (String reference : jdbc.queryForList("select reference from improvement_record where organisation_id = ?", String.class, here.id())) {
            var was = jdbc.queryForMap("select kind, grade, status, title, requirements, target_date from improvement_record where organisation_id = ?"
                    + " and reference = ?", here.id(), reference);
            var is = jdbc.queryForMap("select kind, grade, status, title, requirements, target_date from improvement_record where organisation_id = ?"
                    + " and tracker_reference = ?", there.id(), reference);
            assertThat(is).as(reference).isEqualTo(was);
        }
        assertThat(count(there)).isEqualTo(3);
    }

    // --- dates as people entered them ---------------------------------------------------------------------------

    @Test
    void datesStayTheDatesEnteredInSummerAndFarFromUtc() throws Exception {
        for (String zone : List.of("Europe/London", "Pacific/Auckland", "America/Los_Angeles")) {
            TestOrganisation org = newOrganisation("Zone " + zone);
            jdbc.update("update organisation set time_zone = ? where id = ?", zone, org.id());
            Tenant manager = org.tenant(Role.ISMS_MANAGER);
            String csv = "Ref,Title,Raised,Closed\nZ-1,Summer finding,2025-07-01,2025-07-20\nZ-2,Winter finding,2025-01-15,\n";
            migration.importFile(manager, store(org, "z.csv", csv.getBytes(StandardCharsets.UTF_8)), TrackerMigration.Settings.guessed());
            assertThat(day(org, record(org, "Z-1"), "raised_at")).as(zone).isEqualTo(LocalDate.of(2025, 7, 1));
            String log = mvc.perform(get("/improvements/export.csv").with(user(org.principal(Role.ISMS_MANAGER))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var rows = RegisterColumns.read(log, List.of("Title", "Raised on", "Closed on"));
            assertThat(rows).as(zone).containsExactlyInAnyOrder("Summer finding | 2025-07-01 | 2025-07-20", "Winter finding | 2025-01-15 | ");
            // The record's page shows the day and time it was raised there (midnight in the organisation's zone), not the server's.
            UUID id = (UUID) record(org, "Z-1").get("id");
            String page = mvc.perform(get("/improvements/" + id).with(user(org.principal(Role.ISMS_MANAGER)))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(zone).contains("1 Jul 2025 00:00");
        }
    }

    // --- in the background -----------------------------------------------------------------------------------------

    @Autowired
    MigrationJobs jobs;

    @Test
    void aLargeTrackerComesInInTheBackgroundWithItsProgressAndSurvivesARunThatDied() throws Exception {
        TestOrganisation org = newOrganisation("Background");
        // Due in the future: 1,250 open actions overdue would each be reminded by the reminder job of any test after this one.
        StringBuilder csv = new StringBuilder("Ref,Title,Raised,Closed,Corrective action,Due\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append("B-").append(i).append(",Finding ").append(i).append(",2025-02-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append(i % 2 == 0 ? "2025-03-01" : "").append(",Action ").append(i).append(",2030-06-30\n");
        }
        var file = new MockMultipartFile("file", "big.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/improvements/migration").file(file)
                .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/import")
                .with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(redirectedUrl("/improvements/migration"))
                .andExpect(flash().attribute("success",
                        containsString("in the background")));
        TrackerMigration.Migration done = await(org);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.records()).isEqualTo(2500);
        assertThat(count(org)).isEqualTo(2500);
        // The history names the person who queued it, not "system".
        assertThat(jdbc.queryForObject("select count(*) from history_entry where organisation_id = ? and record_type = 'ImprovementRecord'"
                + " and actor_id = ?", Long.class, org.id(), org.userIds().get(Role.ISMS_MANAGER))).isEqualTo(2500);
        String page = mvc.perform(get("/improvements/migration").with(user(org.principal(Role.ISMS_MANAGER)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("big.csv").contains("Undo").doesNotContain("hx-trigger=\"every 2s\"");

        // A run whose instance died (its heartbeat long silent) is claimed again and finished; a file with problems fails with them.
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        UUID upload = store(org, "died.csv", "Ref,Title,Raised\nK-1,After a restart,2025-04-01\n".getBytes(StandardCharsets.UTF_8));
        UUID died = UUID.randomUUID();
        jdbc.update("insert into tracker_import (id, organisation_id, upload_id, file_name, status, step, done, total, settings, attempts,"
                + " heartbeat_at, record_count, action_count, review_count, imported_by, imported_at, version)"
                + " values (?, ?, ?, 'died.csv', 'RUNNING', 'Writing the records', 0, 1, ?, 1, ?, 0, 0, 0, ?, ?, 0)", died, org.id(), upload,
                "{\"sheet\":null,\"headerRow\":null,\"encoding\":null,\"mapping\":null,\"values\":{}}",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofMinutes(10))), org.userIds().get(Role.ISMS_MANAGER),
                java.sql.Timestamp.from(java.time.Instant.now()));
        jobs.sweep();
        assertThat(await(org).status()).isEqualTo("DONE");
        assertThat(record(org, "K-1")).containsEntry("title", "After a restart");

        UUID broken = store(org, "broken.csv", "Ref,Title,Raised\nX-1,Typed the wrong century,1925-04-01\n".getBytes(StandardCharsets.UTF_8));
        migration.enqueue(manager, broken, TrackerMigration.Settings.guessed());
        TrackerMigration.Migration failed = await(org);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("1 problem(s)");
        assertThat(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ? and tracker_reference = 'X-1'",
                Long.class, org.id())).isZero();
    }

    /** The newest migration once it has finished. */
    TrackerMigration.Migration await(TestOrganisation org) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            TrackerMigration.Migration newest = migration.migrations(org.tenant(Role.ISMS_MANAGER)).get(0);
            if (!newest.working()) {
                return newest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The migration did not finish within a minute");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    UUID store(TestOrganisation org, String name, byte[] content) {
        return uploads.store(org.id(), TrackerMigration.REGISTER, name, content, 1, org.userIds().get(Role.ISMS_MANAGER));
    }

    long count(TestOrganisation org) {
        return jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ?", Long.class, org.id());
    }

    Map<String, Object> record(TestOrganisation org, String trackerReference) {
        Map<String, Object> row = jdbc.queryForMap("select * from improvement_record where organisation_id = ? and tracker_reference = ?",
                org.id(), trackerReference);
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    List<Map<String, Object>> actions(TestOrganisation org, Map<String, Object> record) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from action_item where organisation_id = ? and origin_id = ?", org.id(),
                record.get("id"))) {
            Map<String, Object> lower = new java.util.HashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
            rows.add(lower);
        }
        return rows;
    }

    /** The day an instant falls on in the organisation's zone (Europe/London unless set). */
    LocalDate day(TestOrganisation org, Map<String, Object> record, String column) {
        String zone = jdbc.queryForObject("select time_zone from organisation where id = ?", String.class, org.id());
        Object value = record.get(column);
        java.time.Instant instant = value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : java.time.Instant.parse(value.toString());
        return instant.atZone(java.time.ZoneId.of(zone)).toLocalDate();
    }
}
