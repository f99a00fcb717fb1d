package dev.ratchet.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.ratchet.shared.Refused;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A tracker file as it was written: every sheet of a workbook (or the one table of a CSV), each row with the number
 * the spreadsheet shows for it, each cell as the person sees it (a formula as the value Excel stored with it, a date
 * as an ISO date). A CSV's character set is detected (a byte-order mark, else valid UTF-8, else Windows-1252, the
 * encoding Excel writes on Windows) and can be named instead; its delimiter is the one its first line uses most.
 */
public final class Spreadsheet {

    /** The character sets a CSV can be read as; the first detected is used unless the person names another. */
    public static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "UTF-16");

    /** One row: its number as the spreadsheet shows it, its cells, and the columns holding a formula without a value. */
    public record SourceRow(int number, List<String> cells, Set<Integer> uncached) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        public long filled() {
            return cells.stream().filter(c -> !c.isBlank()).count();
        }
    }

    public record Tab(String name, List<SourceRow> rows) {
    }

    /** What was read; encoding is null for a workbook. */
    public record Book(List<Tab> sheets, String encoding, boolean encodingDetected) {
    }

    /** The largest tracker file read (100,000 rows of a tracker are a few tens of MB as CSV, less as XLSX). */
    public static final int MAX_FILE_BYTES = 40 * 1024 * 1024;

    /** The most rows read from one sheet. */
    public static final int MAX_ROWS = 100_000;

    private Spreadsheet() {
    }

    public static Book read(String fileName, byte[] content, String encoding) {
        if (content == null || content.length == 0) {
            throw Refused.field("file", "Choose the tracker file to upload (XLSX or CSV)");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw Refused.field("file", "A file can be at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB here: save it without"
                    + " pictures and other sheets, or split it");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
            return new Book(workbook(name, content), null, false);
        }
        Charset detected = detect(content);
        Charset charset = detected;
        if (encoding != null && !encoding.isBlank()) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw Refused.field("encoding", "\"" + encoding + "\" is not a character set Ratchet knows: choose one of " + String.join(", ", ENCODINGS));
            }
        }
        return new Book(List.of(new Tab("CSV", csv(content, charset))), charset.name(), charset.equals(detected));
    }

    /** A byte-order mark names the set; else the bytes are UTF-8 if they decode as such, Windows-1252 if not. */
    static Charset detect(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF || (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return Charset.forName("windows-1252");
        }
    }

    private static List<SourceRow> csv(byte[] content, Charset charset) {
        String text = new String(content, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = ',';
        long best = firstLine.chars().filter(ch -> ch == ',').count();
        for (char candidate : new char[] { ';', '\t', '|' }) {
            long n = firstLine.chars().filter(ch -> ch == candidate).count();
            if (n > best) {
                best = n;
                delimiter = candidate;
            }
        }
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(new java.io.StringReader(text))) {
            List<SourceRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS + 50) {
                    throw Refused.field("file", "A file can have at most " + String.format(Locale.UK, "%,d", MAX_ROWS) + " rows here; split it");
                }
                rows.add(new SourceRow((int) record.getRecordNumber(), record.stream().map(String::strip).toList(), Set.of()));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw Refused.field("file", "The CSV file cannot be read: " + e.getMessage());
        }
    }

    /**
     * A spreadsheet is a zip: a small file can inflate to gigabytes (a zip bomb). A tracker of real rows compresses
     * perhaps 10:1, so before the workbook is opened its parts are unpacked (and thrown away) counting the bytes, and
     * a file that unpacks to more than 20 times its size (5 MB at least) is refused. Done here rather than through
     * POI's global ZipSecureFile settings, which would change every other workbook this JVM reads.
     */
    private static void refuseZipBomb(byte[] content) {
        long limit = Math.max(20L * content.length, 5L * 1024 * 1024);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // Commons Compress, as POI itself: it reads the stored entries with data descriptors that POI's streaming writer makes.
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > limit) {
                        throw Refused.field("file", "This spreadsheet unpacks to far more than a tracker holds (over 20 times its size): save"
                                + " the register sheet alone as XLSX or CSV and upload that");
                    }
                }
            }
        } catch (IOException e) {
            throw Refused.field("file", "This is not a spreadsheet Ratchet can read: save it as XLSX or CSV (UTF-8)");
        }
    }

    private static List<Tab> workbook(String name, byte[] content) {
        if (!name.endsWith(".xls")) {
            refuseZipBomb(content);
            try {
                return streamed(content);
            } catch (Refused refused) {
                throw refused;
            } catch (Exception e) {
                throw Refused.field("file", "This is not a spreadsheet Ratchet can read: save it as XLSX or CSV (UTF-8)");
            }
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.UK);
            List<Tab> tabs = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<SourceRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, formatter));
                    }
                    rows.add(new SourceRow(row.getRowNum() + 1, cells, Set.of()));
                }
                tabs.add(new Tab(sheet.getSheetName(), rows));
            }
            return tabs;
        } catch (IOException | RuntimeException e) {
            throw Refused.field("file", "This is not a spreadsheet Ratchet can read: save it as XLSX or CSV (UTF-8)");
        }
    }

    /**
     * Every sheet of an XLSX read as a stream of rows (POI's event API over a hardened XML parser), so that memory
     * holds the rows' text, not the workbook's object model. A formula cell without a stored value is marked, so
     * that the person is told which cells Excel never calculated instead of seeing them empty.
     */
    private static List<Tab> streamed(byte[] content) throws Exception {
        try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(content))) {
            org.apache.poi.xssf.eventusermodel.XSSFReader reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var strings = new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(pkg);
            var sheets = (org.apache.poi.xssf.eventusermodel.XSSFReader.SheetIterator) reader.getSheetsData();
            List<Tab> tabs = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    List<SourceRow> rows = new ArrayList<>();
                    Set<String> uncached = new HashSet<>();
                    var handler = new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler() {
                        private List<String> current = new ArrayList<>();
                        private Set<Integer> noValue = new HashSet<>();

                        @Override
                        public void startRow(int rowNum) {
                            if (rows.size() >= MAX_ROWS + 50) {
                                throw Refused.field("file", "A sheet can have at most " + String.format(Locale.UK, "%,d", MAX_ROWS) + " rows here; split it");
                            }
                            current = new ArrayList<>();
                            noValue = new HashSet<>();
                        }

                        @Override
                        public void endRow(int rowNum) {
                            for (String ref : uncached) {
                                var cell = new org.apache.poi.ss.util.CellReference(ref);
                                if (cell.getRow() == rowNum) {
                                    noValue.add((int) cell.getCol());
                                }
                            }
                            uncached.clear();
                            rows.add(new SourceRow(rowNum + 1, current, noValue.isEmpty() ? Set.of() : noValue));
                        }

                        @Override
                        public void cell(String reference, String value, org.apache.poi.xssf.usermodel.XSSFComment comment) {
                            int column = reference == null ? current.size() : new org.apache.poi.ss.util.CellReference(reference).getCol();
                            while (current.size() < column) {
                                current.add("");
                            }
                            current.add(value == null ? "" : value.strip());
                        }
                    };
                    org.xml.sax.XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader();
                    parser.setContentHandler(new FormulaWatch(new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler(
                            reader.getStylesTable(), null, strings, handler, new IsoDates(), false), uncached));
                    parser.parse(new org.xml.sax.InputSource(sheet));
                    tabs.add(new Tab(sheets.getSheetName(), rows));
                }
            }
            return tabs;
        }
    }

    /**
     * Passes the sheet's XML to POI's handler and notes each cell ({@code <c>}) that has a formula ({@code <f>}) but
     * no value ({@code <v>}): a file written by a program that does not calculate.
     */
    private static final class FormulaWatch extends org.xml.sax.helpers.XMLFilterImpl {

        private final Set<String> uncached;
        private String cell;
        private boolean formula;
        private boolean value;

        FormulaWatch(ContentHandler next, Set<String> uncached) {
            setContentHandler(next);
            this.uncached = uncached;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "c" -> {
                    cell = atts.getValue("r");
                    formula = false;
                    value = false;
                }
                case "f" -> formula = true;
                case "v", "is" -> value = true;
                default -> {
                }
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("c".equals(localName) && formula && !value && cell != null) {
                uncached.add(cell);
            }
            super.endElement(uri, localName, qName);
        }
    }

    /** Excel's formats for everything but dates, which read as ISO dates (2026-03-02) whatever their format. */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /**
     * A cell as the person sees it in Excel: a date as an ISO date, a formula as the value Excel stored with it (its
     * cached result), never the formula's text.
     */
    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : cell.getCellType() == CellType.FORMULA ? formatter.formatRawCellContents(cell.getNumericCellValue(),
                            cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString()).strip()
                    : formatter.formatCellValue(cell).strip();
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }
}
