package dev.ratchet.improvement.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.ratchet.improvement.LogRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The incident and corrective action log as CSV (Commons CSV) or XLSX (Apache POI, streamed). */
final class LogExport {

    record Column(String header, Function<LogRow, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("Reference", LogRow::reference),
            new Column("Kind", r -> r.kind().label()),
            new Column("Grade", r -> r.grade() == null ? null : r.grade().label()),
            new Column("Status", r -> r.status().label()),
            new Column("Title", LogRow::title),
            new Column("Description", LogRow::description),
            new Column("Source", r -> r.source().label()),
            new Column("Source reference", LogRow::sourceReference),
            new Column("Area or process", LogRow::area),
            new Column("Owner", LogRow::owner),
            new Column("Raised by", LogRow::raisedBy),
            new Column("Raised on", r -> date(r.raisedAt())),
            new Column("Target date", LogRow::targetDate),
            new Column("Requirements", LogRow::requirements),
            new Column("Correction", LogRow::correction),
            new Column("Consequences dealt with", LogRow::consequences),
            new Column("Contained on", r -> date(r.containedAt())),
            new Column("Root cause method", r -> r.rcaMethod() == null ? null : r.rcaMethod().label()),
            new Column("Root cause", LogRow::rootCause),
            new Column("Corrective action needed", r -> r.correctiveActionNeeded() == null ? null : r.correctiveActionNeeded() ? "Yes" : "No"),
            new Column("Actions", LogRow::actions),
            new Column("Effectiveness review", LogRow::effectiveness),
            new Column("Changes to the ISMS", LogRow::ismsChanges),
            new Column("Closed on", r -> date(r.closedAt())));

    private LogExport() {
    }

    static void csv(Consumer<Consumer<LogRow>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that spreadsheet programs read it as UTF-8
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader(COLUMNS.stream().map(Column::header).toArray(String[]::new)).get());
        rows.accept(row -> {
            List<String> values = new ArrayList<>();
            for (Column column : COLUMNS) {
                values.add(neutralise(text(column.value().apply(row))));
            }
            try {
                printer.printRecord(values);
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    static void xlsx(Consumer<Consumer<LogRow>> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("Improvement log");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c).header());
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 22 * 256);
            }
            sheet.createFreezePane(1, 1);
            int[] next = { 1 };
            rows.accept(row -> {
                Row line = sheet.createRow(next[0]++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String value = text(COLUMNS.get(c).value().apply(row));
                    if (value != null) {
                        line.createCell(c).setCellValue(value.length() > 32_000 ? value.substring(0, 32_000) : value);
                        line.getCell(c).setCellStyle(wrap);
                    }
                }
            });
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, next[0] - 1), 0, COLUMNS.size() - 1));
            workbook.write(out);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** A cell that starts like a formula is prefixed, so a spreadsheet never runs what someone typed. */
    static String neutralise(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
