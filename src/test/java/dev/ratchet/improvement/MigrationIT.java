package dev.ratchet.improvement;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.ratchet.IntegrationTest;
import dev.ratchet.tabular.Spreadsheet;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An ISMS manager brings a messy spreadsheet tracker in: the problems are named, the mapping fixed, all rows imported. */
class MigrationIT extends IntegrationTest {

    static final String[] HEADERS = { "NC #", "Date Raised", "Issue / Finding", "Details", "Type", "Severity", "Status",
            "Action Owner", "Due", "Closed", "Root Cause", "Comments" };

    /** 210 rows the way trackers are kept: mixed date formats (text and real dates), blanks, one owner who is not a member. */
    byte[] tracker(TestOrganisation org) throws Exception {
        Random random = new Random(3);
        String[] issues = { "Leaver account still active", "Backup restore not tested", "Visitor not signed in", "Laptop without disk encryption",
                "Firewall rule without ticket", "Supplier contract missing security clause", "Phishing training overdue", "Admin rights not reviewed" };
        String[] owners = { org.email(Role.CONTRIBUTOR), Role.AUDITOR.label() + org.name().substring(org.name().lastIndexOf(' ')), org.email(Role.ISMS_MANAGER).toUpperCase() };
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("NC log 2024-2025");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int r = 1; r <= 210; r++) {
                Row row = sheet.createRow(r);
                LocalDate raised = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600));
                row.createCell(0).setCellValue("NC-" + (100 + r));
                switch (r % 4) {
                    case 0 -> row.createCell(1).setCellValue(raised.toString());
                    case 1 -> row.createCell(1).setCellValue(String.format("%02d/%02d/%d", raised.getDayOfMonth(), raised.getMonthValue(), raised.getYear()));
                    case 2 -> row.createCell(1).setCellValue(raised.getDayOfMonth() + " " + raised.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + raised.getYear());
                    default -> {
                        var cell = row.createCell(1);
                        cell.setCellValue(raised);
                        cell.setCellStyle(dateStyle);
                    }
                }
                row.createCell(2).setCellValue(issues[r % issues.length] + " (" + r + ")");
                row.createCell(3).setCellValue("Found during the quarterly check, item " + r);
                row.createCell(4).setCellValue(r % 7 == 0 ? "OFI" : "NC");
                row.createCell(5).setCellValue(r % 7 == 0 ? "" : r % 5 == 0 ? "Major" : "minor");
                boolean closed = r % 3 == 0;
                row.createCell(6).setCellValue(closed ? "Closed" : r % 2 == 0 ? "In progress" : "Open");
                row.createCell(7).setCellValue(r == 57 ? "J. Smith" : owners[r % owners.length]);
                row.createCell(8).setCellValue(raised.plusDays(45).toString());
                if (closed) {
                    row.createCell(9).setCellValue(String.format("%d.%d.%d", raised.plusDays(30).getDayOfMonth(), raised.plusDays(30).getMonthValue(), raised.plusDays(30).getYear()));
                }
                row.createCell(10).setCellValue(closed ? "Process step missing" : "");
                row.createCell(11).setCellValue(r % 10 == 0 ? "Discussed at the ISMS meeting" : "");
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aMessyTrackerIsCheckedFixedAndImportedAllOrNothing() throws Exception {
        TestOrganisation org = newOrganisation("Migration");
        var file = new MockMultipartFile("file", "NC tracker.xlsx", "application/octet-stream", tracker(org));
        mvc.perform(multipart("/improvements/migration").file(file).with(user(org.principal(Role.CONTRIBUTOR))).with(csrf()))
                .andExpect(status().isForbidden());
        String location = mvc.perform(multipart("/improvements/migration").file(file).with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/improvements/migration/");

        // The guessed mapping and the problems, named by row and column; nothing is imported yet.
        String preview = mvc.perform(get(location).with(user(org.principal(Role.ISMS_MANAGER)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<TrackerMigration.Target> guessed = TrackerMigration.guess(List.of(HEADERS));
        assertThat(guessed).containsExactly(TrackerMigration.Target.REFERENCE, TrackerMigration.Target.RAISED_ON, TrackerMigration.Target.TITLE,
                TrackerMigration.Target.DESCRIPTION, TrackerMigration.Target.KIND, TrackerMigration.Target.GRADE, TrackerMigration.Target.STATUS,
                TrackerMigration.Target.OWNER, TrackerMigration.Target.TARGET_DATE, TrackerMigration.Target.CLOSED_ON,
                TrackerMigration.Target.ROOT_CAUSE, TrackerMigration.Target.KEEP);
        // J. Smith is no member: no problem, a notice; nothing is imported until the person imports.
        assertThat(preview).doesNotContain("problem(s)").contains("with an owner who is no member (&quot;J. Smith&quot;)")
                .contains("Import all 210 records");
        assertThat(count(org)).isZero();

        // Keeping the owner column in the description instead; then every row is imported, once.
        StringBuilder query = new StringBuilder();
        for (TrackerMigration.Target t : guessed) {
            query.append(query.isEmpty() ? "?" : "&").append("map=").append(t == TrackerMigration.Target.OWNER ? TrackerMigration.Target.KEEP : t);
        }
        preview = mvc.perform(get(location + query).with(user(org.principal(Role.ISMS_MANAGER)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("Import all 210 records").doesNotContain("problem(s)");
        var importing = post(location + "/import").with(user(org.principal(Role.ISMS_MANAGER))).with(csrf());
        for (TrackerMigration.Target t : guessed) {
            importing.param("map", (t == TrackerMigration.Target.OWNER ? TrackerMigration.Target.KEEP : t).name());
        }
        mvc.perform(importing).andExpect(flash().attribute("success", startsWith("210 records")));
        assertThat(count(org)).isEqualTo(210);
        mvc.perform(importing).andExpect(flash().attribute("error", containsString("imported already")));
        assertThat(count(org)).isEqualTo(210);

        // The same file uploaded again (another tab, a colleague) is not imported twice either.
        String again = mvc.perform(multipart("/improvements/migration").file(file).with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(get(again).with(user(org.principal(Role.ISMS_MANAGER)))).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("NC-101 is in the register already");
        var importingAgain = post(again + "/import").with(user(org.principal(Role.ISMS_MANAGER))).with(csrf());
        for (TrackerMigration.Target t : guessed) {
            importingAgain.param("map", (t == TrackerMigration.Target.OWNER ? TrackerMigration.Target.KEEP : t).name());
        }
        mvc.perform(importingAgain).andExpect(flash().attribute("error", containsString("imported already")));
        assertThat(count(org)).isEqualTo(210);

        // The records read as the tracker had them; the free columns are kept.
        var row58 = jdbc.queryForMap("select kind, grade, status, source_reference, description, raised_at, closed_at from improvement_record"
                + " where organisation_id = ? and source_reference = 'Migrated from NC-157'", org.id());
        assertThat(row58.get("description").toString()).contains("Action Owner: J. Smith");
        var row10 = jdbc.queryForMap("select description from improvement_record where organisation_id = ? and source_reference = 'Migrated from NC-110'", org.id());
        assertThat(row10.get("description").toString()).contains("Comments: Discussed at the ISMS meeting");
        assertThat(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ? and kind = 'OPPORTUNITY'", Long.class, org.id())).isEqualTo(30);
        assertThat(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ? and status = 'CLOSED' and closed_at is not null", Long.class, org.id())).isEqualTo(70);
        assertThat(jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ? and grade = 'MAJOR'", Long.class, org.id())).isGreaterThan(0);
    }

    @Test
    void aBrokenFileChangesNothing() throws Exception {
        TestOrganisation org = newOrganisation("Broken");
        var broken = new MockMultipartFile("file", "tracker.xlsx", "application/octet-stream", "this is not a workbook".getBytes());
        mvc.perform(multipart("/improvements/migration").file(broken).with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(flash().attribute("error", containsString("not a spreadsheet")));
        var empty = new MockMultipartFile("file", "tracker.csv", "text/csv", "Title,Status\n".getBytes());
        mvc.perform(multipart("/improvements/migration").file(empty).with(user(org.principal(Role.ISMS_MANAGER))).with(csrf()))
                .andExpect(flash().attribute("error", containsString("no rows")));
        assertThat(count(org)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from import_upload where organisation_id = ?", Long.class, org.id())).isZero();
        String template = mvc.perform(get("/improvements/migration/template.csv").with(user(org.principal(Role.ISMS_MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(template).startsWith(String.join(",", TrackerMigration.TEMPLATE));
    }

    long count(TestOrganisation org) {
        return jdbc.queryForObject("select count(*) from improvement_record where organisation_id = ?", Long.class, org.id());
    }

    @org.springframework.beans.factory.annotation.Autowired
    TrackerMigration migration;

    @Test
    void aFormulaIsReadAsTheValueExcelStoredNotAsItsText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Register");
            Row header = sheet.createRow(0);
            String[] names = {"Ref", "Title", "Raised", "Due", "Status"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("NC-7");
            row.createCell(1).setCellValue("Backups not tested");
            row.createCell(2).setCellValue(java.time.LocalDate.of(2026, 3, 2));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellFormula("C2+30");
            row.getCell(3).setCellStyle(date);
            row.createCell(4).setCellFormula("IF(D2>C2,\"Open\",\"Closed\")");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            TrackerMigration.Table table = migration.table("tracker.xlsx", out.toByteArray(), TrackerMigration.Settings.guessed());
            assertThat(table.rows().get(0).cells()).containsExactly("NC-7", "Backups not tested", "2026-03-02", "2026-04-01", "Open");
        }
    }

    @Test
    void aSpreadsheetThatUnpacksFarBeyondItsSizeOrIsTooLargeIsRefusedBeforeItIsReadWhole() throws Exception {
        // A real workbook whose sheet carries 20 MB of blanks inside an XML comment: it weighs a few kilobytes.
        byte[] plain;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = workbook.createSheet("Register").createRow(0);
            row.createCell(0).setCellValue("Title");
            workbook.write(out);
            plain = out.toByteArray();
        }
        ByteArrayOutputStream inflated = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain));
                var out = new java.util.zip.ZipOutputStream(inflated)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int end = xml.indexOf("?>") + 2;
                    out.write((xml.substring(0, end) + "<!--").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        out.write(blanks);
                    }
                    out.write(("-->" + xml.substring(end)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        byte[] bomb = inflated.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        assertThatRefused(() -> migration.rowCount("tracker.xlsx", bomb), "unpacks to far more than a tracker holds");
        assertThatRefused(() -> migration.rowCount("tracker.csv", new byte[Spreadsheet.MAX_FILE_BYTES + 1]), "at most 40 MB");
    }

    private static void assertThatRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(dev.ratchet.shared.Refused.class).hasMessageContaining(message);
    }
}
