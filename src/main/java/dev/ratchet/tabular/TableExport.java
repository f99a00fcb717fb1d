package dev.ratchet.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;

/**
 * A register as CSV (Commons CSV, UTF-8 with a byte-order mark so spreadsheet programs read it right) or XLSX
 * (Apache POI, streamed: memory stays flat for large registers). Rows are pushed one at a time, so a caller can
 * stream them from the database.
 */
public final class TableExport {

    private TableExport() {
    }

    public static <T> void csv(List<Column<T>> columns, Consumer<Consumer<T>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader(columns.stream().map(Column::header).toArray(String[]::new)).get());
        rows.accept(row -> {
            List<String> values = new ArrayList<>(columns.size());
            for (Column<T> column : columns) {
                values.add(neutralise(text(column.value().apply(row))));
            }
            try {
                printer.printRecord(values);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    public static <T> void xlsx(String sheetName, List<Column<T>> columns, Consumer<Consumer<T>> rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            // Dates are Excel dates (sortable, filterable, shown as people write them), not text.
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
            CellStyle moment = workbook.createCellStyle();
            moment.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy hh:mm"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).header());
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 22 * 256);
            }
            sheet.createFreezePane(1, 1);
            int[] next = { 1 };
            rows.accept(row -> {
                Row line = sheet.createRow(next[0]++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(row);
                    if (value instanceof Number number) {
                        line.createCell(c).setCellValue(number.doubleValue());
                    }
                    else if (value instanceof java.time.LocalDate date) {
                        line.createCell(c).setCellValue(date);
                        line.getCell(c).setCellStyle(day);
                    }
                    else if (value instanceof java.time.LocalDateTime time) {
                        line.createCell(c).setCellValue(time);
                        line.getCell(c).setCellStyle(moment);
                    }
                    else if (value instanceof java.time.OffsetDateTime time) {
                        // The wall-clock time where it happened (the offset is in the CSV); Excel keeps no zone.
                        line.createCell(c).setCellValue(time.toLocalDateTime());
                        line.getCell(c).setCellStyle(moment);
                    }
                    else if (value != null) {
                        String text = neutralise(value.toString());
                        line.createCell(c).setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) : text);
                        line.getCell(c).setCellStyle(wrap);
                    }
                }
            });
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, columns.size() - 1));
            workbook.write(out);
        }
    }

    /** A register export answered as CSV or XLSX by the request's extension, named {@code baseName.csv|xlsx}. */
    public static <T> void respond(HttpServletRequest request, HttpServletResponse response, String baseName, String sheetName,
            List<Column<T>> columns, Consumer<Consumer<T>> rows) throws IOException {
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(baseName + (xlsx ? ".xlsx" : ".csv")).build().toString());
        if (xlsx) {
            xlsx(sheetName, columns, rows, response.getOutputStream());
        }
        else {
            csv(columns, rows, response.getOutputStream());
        }
    }

    /** Every row of a paged search in the given order, fetched 1,000 at a time, so an export never holds them all. */
    public static <T> Consumer<Consumer<T>> allPages(Function<Pageable, Page<T>> search, Sort sort) {
        return sink -> {
            for (int page = 0; ; page++) {
                Page<T> slice = search.apply(PageRequest.of(page, 1000, sort));
                slice.forEach(sink);
                if (!slice.hasNext()) {
                    return;
                }
            }
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A cell that starts like a formula (=, +, -, @, tab, carriage return) is prefixed with an apostrophe, so a
     * spreadsheet never runs what someone typed into Ratchet.
     */
    public static String neutralise(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
