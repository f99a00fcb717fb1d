package dev.ratchet.improvement;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The incident and corrective action log an auditor downloads: the filtered register, one row per record. */
class LogExportIT extends IntegrationTest {

    @Autowired
    ImprovementManagement improvements;

    @Test
    void theCsvLogHasTheFieldsAnAuditorReadsForTheFilteredRecordsOnly() throws Exception {
        TestOrganisation org = newOrganisation("Export");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        Workflow.reported(improvements, org, "=HYPERLINK(\"http://evil\") formula in a title");
        ReportForm ofi = new ReportForm();
        ofi.setKind(Kind.OPPORTUNITY);
        ofi.setTitle("Single sign-on");
        ofi.setDescription("Fewer passwords");
        ofi.setSource(Source.FEEDBACK);
        improvements.report(org.tenant(Role.CONTRIBUTOR), ofi);
        newOrganisation("Export elsewhere");

        byte[] csv = mvc.perform(get("/improvements/export.csv").param("kind", "NONCONFORMITY")
                        .with(user(org.principal(Role.GUEST_AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"improvement-log-")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord row = rows.stream().filter(r -> r.get("Reference").equals(nc.reference())).findFirst().orElseThrow();
        assertThat(row.get("Correction")).isEqualTo("Both accounts disabled");
        assertThat(row.get("Root cause")).isEqualTo("The leaver process has no step that informs IT");
        assertThat(row.get("Actions")).contains("Add an IT step to the leaver checklist").contains("success criteria");
        assertThat(row.get("Status")).isEqualTo("Actions planned");
        assertThat(row.get("Requirements")).isEqualTo("A.5.18 Access rights");
        assertThat(rows).extracting(r -> r.get("Title")).contains("'=HYPERLINK(\"http://evil\") formula in a title");
    }

    @Test
    void theXlsxLogOpensWithAHeaderRowAndARowPerRecord() throws Exception {
        TestOrganisation org = newOrganisation("Export xlsx");
        ImprovementView nc = Workflow.plannedNonconformity(improvements, org, org.userIds().get(Role.CONTRIBUTOR));
        byte[] xlsx = mvc.perform(get("/improvements/export.xlsx").with(user(org.principal(Role.AUDITOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reference");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(nc.reference());
            // Dates are Excel dates, formatted as people write them; requirements as people write them.
            int raisedOn = java.util.stream.IntStream.range(0, sheet.getRow(0).getLastCellNum())
                    .filter(c -> sheet.getRow(0).getCell(c).getStringCellValue().equals("Raised on")).findFirst().orElseThrow();
            Cell raised = sheet.getRow(1).getCell(raisedOn);
            assertThat(raised.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(raised)).isTrue();
            assertThat(raised.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.ofInstant(nc.raisedAt(), java.time.ZoneId.of("Europe/London")));
            assertThat(raised.getCellStyle().getDataFormatString()).isEqualTo("d mmm yyyy");
            int requirements = java.util.stream.IntStream.range(0, sheet.getRow(0).getLastCellNum())
                    .filter(c -> sheet.getRow(0).getCell(c).getStringCellValue().equals("Requirements")).findFirst().orElseThrow();
            assertThat(sheet.getRow(1).getCell(requirements).getStringCellValue()).isEqualTo("A.5.18 Access rights");
        }
    }
}
