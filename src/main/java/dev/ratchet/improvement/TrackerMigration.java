package dev.ratchet.improvement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.improvement.domain.ImprovementRecord;
import dev.ratchet.improvement.domain.ImprovementRecordRepository;
import dev.ratchet.improvement.domain.ReferenceNumbers;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
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

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings an existing nonconformity / corrective action tracker (XLSX or CSV) into the register: the columns are
 * mapped to fields by their headers (the mapping can be changed), values are read the way trackers write them
 * (statuses, grades, dates in common formats, owners by e-mail or name), every problem is named by row and column,
 * and the rows are imported all or none. Columns that map to no field are kept in the description, never dropped.
 */
@Service
@Transactional
public class TrackerMigration {

    public static final String REGISTER = "improvement-migration";

    /** Where a column goes. */
    public enum Target {
        REFERENCE("Tracker reference"), TITLE("Title"), DESCRIPTION("Description"), KIND("Kind (NC or OFI)"), SOURCE("Source"),
        GRADE("Grade"), STATUS("Status"), OWNER("Owner"), RAISED_ON("Raised on"), TARGET_DATE("Target date"), CLOSED_ON("Closed on"),
        ROOT_CAUSE("Root cause"), CORRECTION("Correction"), KEEP("Keep in the description"), IGNORE("Leave out");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    /** The sheet as read: its headers and its rows of text. */
    public record Table(List<String> headers, List<List<String>> rows) {
    }

    public record Problem(int row, String column, String message) {
    }

    /** A row as it will be imported. */
    public record Line(int row, String trackerReference, Kind kind, String title, String description, Source source, Grade grade,
            Status status, UUID ownerId, String ownerName, LocalDate raisedOn, LocalDate targetDate, LocalDate closedOn, String rootCause,
            String correction) {
    }

    public record Check(List<Line> lines, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty() && !lines.isEmpty();
        }
    }

    /** The expected columns, in the order of the downloadable template. */
    public static final List<String> TEMPLATE = List.of("Reference", "Title", "Description", "Kind", "Source", "Grade", "Status", "Owner",
            "Raised on", "Target date", "Closed on", "Root cause", "Correction");

    private static final Map<Target, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put(Target.REFERENCE, List.of("reference", "ref", "id", "nc", "ncno", "ncnumber", "number", "no", "ncr", "ncrno", "car", "carno", "logno"));
        SYNONYMS.put(Target.TITLE, List.of("title", "summary", "issue", "finding", "nonconformity", "subject", "shortdescription", "issuefinding", "problem"));
        SYNONYMS.put(Target.DESCRIPTION, List.of("description", "details", "detail", "whathappened", "fulldescription", "longdescription", "evidence"));
        SYNONYMS.put(Target.KIND, List.of("kind", "type", "category", "nctype", "recordtype", "ncofi"));
        SYNONYMS.put(Target.SOURCE, List.of("source", "origin", "foundby", "foundin", "raisedfrom", "identifiedby", "detectionsource"));
        SYNONYMS.put(Target.GRADE, List.of("grade", "severity", "classification", "majorminor", "level"));
        SYNONYMS.put(Target.STATUS, List.of("status", "state", "progress", "openclosed", "currentstatus"));
        SYNONYMS.put(Target.OWNER, List.of("owner", "actionowner", "responsible", "assignee", "assignedto", "responsibleperson", "ownedby"));
        SYNONYMS.put(Target.RAISED_ON, List.of("raisedon", "dateraised", "raised", "opened", "dateopened", "date", "datefound", "reported", "datereported", "reportedon", "created"));
        SYNONYMS.put(Target.TARGET_DATE, List.of("targetdate", "target", "due", "duedate", "deadline", "targetcompletion", "targetclosuredate"));
        SYNONYMS.put(Target.CLOSED_ON, List.of("closedon", "closed", "dateclosed", "closuredate", "completed", "completedon", "datecompleted"));
        SYNONYMS.put(Target.ROOT_CAUSE, List.of("rootcause", "cause", "rootcauseanalysis", "rca", "why"));
        SYNONYMS.put(Target.CORRECTION, List.of("correction", "immediateaction", "containment", "fix", "correctiveaction", "actiontaken", "action"));
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, pattern("d/M/uuuu"), pattern("d.M.uuuu"),
            pattern("d-M-uuuu"), pattern("uuuu/M/d"), pattern("d MMM uuuu"), pattern("d MMMM uuuu"), pattern("MMM d, uuuu"),
            pattern("MMMM d, uuuu"), pattern("d-MMM-uuuu"), pattern("d-MMM-uu"), pattern("d/M/uu"));

    private static DateTimeFormatter pattern(String p) {
        return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    private final ImprovementRecordRepository records;
    private final ReferenceNumbers references;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final People people;
    private final dev.ratchet.tabular.ImportUploads uploads;

    TrackerMigration(ImprovementRecordRepository records, ReferenceNumbers references, ImprovementManagement improvements,
            OrganisationManagement organisations, People people, dev.ratchet.tabular.ImportUploads uploads) {
        this.uploads = uploads;
        this.records = records;
        this.references = references;
        this.improvements = improvements;
        this.organisations = organisations;
        this.people = people;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** Reads the first sheet of an XLSX, or a CSV (comma or semicolon), into headers and rows of text; dates as ISO dates. */
    public Table read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw Refused.field("file", "Choose the tracker file to upload (XLSX or CSV)");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw Refused.field("file", "A tracker file can be at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB here: save it without"
                    + " pictures and other sheets, or split it");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> all = name.endsWith(".xlsx") || name.endsWith(".xls") ? workbook(name, content) : csv(content);
        all.removeIf(row -> row.stream().allMatch(String::isBlank));
        if (all.size() < 2) {
            throw Refused.field("file", "The file has no rows under its header row");
        }
        List<String> headers = all.get(0).stream().map(String::strip).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : all.subList(1, all.size())) {
            List<String> cells = new ArrayList<>(row);
            while (cells.size() < headers.size()) {
                cells.add("");
            }
            rows.add(cells.subList(0, headers.size()));
        }
        if (rows.size() > 10_000) {
            throw Refused.field("file", "A tracker can have at most 10,000 rows here; split it");
        }
        return new Table(headers, rows);
    }

    /** The largest tracker file read (a tracker of 10,000 rows is a few MB). */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

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
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(content))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
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

    private static List<List<String>> workbook(String name, byte[] content) {
        refuseZipBomb(content);
        if (name.endsWith(".xlsx")) {
            try {
                return streamed(content);
            } catch (Exception e) {
                throw Refused.field("file", "This is not a spreadsheet Ratchet can read: save it as XLSX or CSV (UTF-8)");
            }
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.UK);
            List<List<String>> rows = new ArrayList<>();
            int width = 0;
            for (Row row : sheet) {
                width = Math.max(width, row.getLastCellNum());
            }
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else {
                        cells.add(text(cell, formatter));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw Refused.field("file", "This is not a spreadsheet Ratchet can read: save it as XLSX or CSV (UTF-8)");
        }
    }

    /**
     * The first sheet of an XLSX read as a stream of rows (POI's event API over a hardened XML parser), so that memory
     * holds the rows' text, not the workbook's object model: each cell as Excel shows it, a formula as the value Excel
     * stored with it, a date as an ISO date.
     */
    private static List<List<String>> streamed(byte[] content) throws Exception {
        try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(content))) {
            org.apache.poi.xssf.eventusermodel.XSSFReader reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var strings = new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(pkg);
            java.util.Iterator<java.io.InputStream> sheets = reader.getSheetsData();
            List<List<String>> rows = new ArrayList<>();
            if (!sheets.hasNext()) {
                return rows;
            }
            var handler = new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler() {
                private List<String> current = new ArrayList<>();

                @Override
                public void startRow(int rowNum) {
                    current = new ArrayList<>();
                }

                @Override
                public void endRow(int rowNum) {
                    rows.add(current);
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
            try (java.io.InputStream sheet = sheets.next()) {
                org.xml.sax.XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader();
                parser.setContentHandler(new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        handler, new IsoDates(), false));
                parser.parse(new org.xml.sax.InputSource(sheet));
            }
            int width = rows.stream().mapToInt(List::size).max().orElse(0);
            rows.forEach(row -> {
                while (row.size() < width) {
                    row.add("");
                }
            });
            return rows;
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

    private static List<List<String>> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',').count() ? ';' : ',';
        if (text.chars().anyMatch(ch -> ch == 0)) {
            throw Refused.field("file", "This is not a spreadsheet Ratchet can read: save it as XLSX or CSV (UTF-8)");
        }
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new java.io.StringReader(text))) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.stream().map(String::strip).toList());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw Refused.field("file", "The CSV file cannot be read: " + e.getMessage());
        }
    }

    // --- mapping ---------------------------------------------------------------------------------------------------

    /** The field each header most likely holds; each field is taken once, the rest kept in the description. */
    public static List<Target> guess(List<String> headers) {
        List<Target> mapping = new ArrayList<>();
        java.util.Set<Target> taken = java.util.EnumSet.noneOf(Target.class);
        for (String header : headers) {
            String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            Target found = null;
            for (Map.Entry<Target, List<String>> e : SYNONYMS.entrySet()) {
                if (!taken.contains(e.getKey()) && e.getValue().contains(key)) {
                    found = e.getKey();
                    break;
                }
            }
            if (found == null) {
                for (Map.Entry<Target, List<String>> e : SYNONYMS.entrySet()) {
                    if (!taken.contains(e.getKey()) && !key.isEmpty() && e.getValue().stream().anyMatch(s -> s.length() > 3 && key.contains(s))) {
                        found = e.getKey();
                        break;
                    }
                }
            }
            if (found == null) {
                mapping.add(header.isBlank() ? Target.IGNORE : Target.KEEP);
            } else {
                taken.add(found);
                mapping.add(found);
            }
        }
        return mapping;
    }

    // --- checking --------------------------------------------------------------------------------------------------

    /** Reads every row with the mapping; nothing is written. */
    @Transactional(readOnly = true)
    public Check check(Tenant tenant, Table table, List<Target> mapping) {
        requireManager(tenant);
        List<Problem> problems = new ArrayList<>();
        if (mapping.size() != table.headers().size()) {
            throw Refused.invalid("The mapping names " + mapping.size() + " columns; the file has " + table.headers().size());
        }
        Map<Target, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < mapping.size(); c++) {
            Target t = mapping.get(c);
            if (t != Target.KEEP && t != Target.IGNORE && columns.putIfAbsent(t, c) != null) {
                problems.add(new Problem(0, table.headers().get(c), "Two columns are mapped to " + t.label() + ": choose one"));
            }
        }
        if (!columns.containsKey(Target.TITLE)) {
            problems.add(new Problem(0, "", "Map one column to Title: every record needs one"));
        }
        if (!problems.isEmpty()) {
            return new Check(List.of(), problems);
        }
        Map<String, People.Person> byKey = new java.util.HashMap<>();
        for (People.Person p : people.activeMembersOf(tenant.organisationId())) {
            byKey.put(p.email().toLowerCase(Locale.ROOT), p);
            byKey.put(p.displayName().toLowerCase(Locale.ROOT), p);
        }
        LocalDate today = improvements.today(tenant.organisationId());
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            int number = r + 2; // the spreadsheet's row number, under the header row
            java.util.function.Function<Target, String> cell = t -> columns.containsKey(t) ? row.get(columns.get(t)).strip() : "";
            java.util.function.Function<Target, String> header = t -> table.headers().get(columns.get(t));
            String title = cell.apply(Target.TITLE);
            if (title.isEmpty()) {
                problems.add(new Problem(number, header.apply(Target.TITLE), "The title is empty"));
            } else if (title.length() > 200) {
                problems.add(new Problem(number, header.apply(Target.TITLE), "The title has more than 200 characters; map a shorter column to Title"));
            }
            String kindText = cell.apply(Target.KIND).toLowerCase(Locale.ROOT);
            Kind kind = kindText.isEmpty() || kindText.matches(".*(nc|non.?conform|major|minor|defect).*") ? Kind.NONCONFORMITY
                    : kindText.matches(".*(ofi|opportunit|improvement|suggestion|obs).*") ? Kind.OPPORTUNITY : null;
            if (kind == null) {
                problems.add(new Problem(number, header.apply(Target.KIND), "\"" + cell.apply(Target.KIND) + "\" is neither a nonconformity nor an opportunity"));
                kind = Kind.NONCONFORMITY;
            }
            String gradeText = cell.apply(Target.GRADE).toLowerCase(Locale.ROOT);
            if (gradeText.isEmpty() && kindText.contains("major")) {
                gradeText = "major";
            } else if (gradeText.isEmpty() && kindText.contains("minor")) {
                gradeText = "minor";
            }
            Grade grade = gradeText.isEmpty() ? null : gradeText.startsWith("maj") || gradeText.equals("high") || gradeText.equals("1") ? Grade.MAJOR
                    : gradeText.startsWith("min") || gradeText.equals("low") || gradeText.equals("medium") || gradeText.equals("2") ? Grade.MINOR : null;
            if (!gradeText.isEmpty() && grade == null) {
                problems.add(new Problem(number, header.apply(Target.GRADE), "\"" + cell.apply(Target.GRADE) + "\" is not a grade (major or minor)"));
            }
            String statusText = cell.apply(Target.STATUS).toLowerCase(Locale.ROOT);
            Status status = statusText.isEmpty() || statusText.matches(".*(open|new|raised|reported|in progress|ongoing|pending|investigat|overdue|action).*")
                    && !statusText.matches(".*(closed|complete|done).*") ? Status.REPORTED
                    : statusText.matches(".*(closed|complete|done|resolved|verified|effective).*") ? Status.CLOSED
                    : statusText.matches(".*(reject|cancel|withdrawn|void|duplicate|not an? (nc|issue)).*") ? Status.REJECTED : null;
            if (status == null) {
                problems.add(new Problem(number, header.apply(Target.STATUS), "\"" + cell.apply(Target.STATUS) + "\" is not a status Ratchet knows (open, closed, rejected)"));
                status = Status.REPORTED;
            }
            String rootCause = cell.apply(Target.ROOT_CAUSE);
            if (status == Status.REPORTED && !rootCause.isEmpty() && kind == Kind.NONCONFORMITY) {
                status = Status.ANALYSED;
            }
            LocalDate raisedOn = date(cell.apply(Target.RAISED_ON), number, columns.containsKey(Target.RAISED_ON) ? header.apply(Target.RAISED_ON) : "", problems);
            LocalDate targetDate = date(cell.apply(Target.TARGET_DATE), number, columns.containsKey(Target.TARGET_DATE) ? header.apply(Target.TARGET_DATE) : "", problems);
            LocalDate closedOn = date(cell.apply(Target.CLOSED_ON), number, columns.containsKey(Target.CLOSED_ON) ? header.apply(Target.CLOSED_ON) : "", problems);
            if (raisedOn != null && raisedOn.isAfter(today)) {
                problems.add(new Problem(number, header.apply(Target.RAISED_ON), "The date raised " + raisedOn + " is in the future"));
            }
            if (closedOn != null && status == Status.REPORTED) {
                status = Status.CLOSED;
            }
            String ownerText = cell.apply(Target.OWNER);
            People.Person owner = ownerText.isEmpty() ? null : byKey.get(ownerText.toLowerCase(Locale.ROOT));
            if (!ownerText.isEmpty() && owner == null) {
                problems.add(new Problem(number, header.apply(Target.OWNER), "\"" + ownerText
                        + "\" is not a member of this organisation (by e-mail or name): add them first, or keep the column in the description"));
            }
            StringBuilder description = new StringBuilder(cell.apply(Target.DESCRIPTION));
            for (int c = 0; c < mapping.size(); c++) {
                if (mapping.get(c) == Target.KEEP && !row.get(c).isBlank()) {
                    description.append(description.isEmpty() ? "" : "\n").append(table.headers().get(c)).append(": ").append(row.get(c).strip());
                }
            }
            if (description.isEmpty()) {
                description.append(title);
            }
            if (description.length() > 8000) {
                problems.add(new Problem(number, "", "The description and the kept columns have more than 8000 characters"));
            }
            String reference = cell.apply(Target.REFERENCE);
            lines.add(new Line(number, reference.isEmpty() ? null : reference, kind, title, description.toString(), source(cell.apply(Target.SOURCE)),
                    grade, status, owner == null ? null : owner.userId(), owner == null ? null : owner.displayName(),
                    raisedOn == null ? today : raisedOn, targetDate, closedOn, rootCause.isEmpty() ? null : rootCause,
                    cell.apply(Target.CORRECTION).isEmpty() ? null : cell.apply(Target.CORRECTION)));
        }
        return new Check(lines, problems);
    }

    /** Dates as trackers write them; day before month where both could be either (the UK and European way). */
    static LocalDate date(String text, int row, String column, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        if (t.matches("\\d{5}")) {
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(t)); // an Excel serial date written as a number
        }
        problems.add(new Problem(row, column, "\"" + text + "\" is not a date Ratchet can read (such as 2025-03-14 or 14/03/2025)"));
        return null;
    }

    static Source source(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Source.OTHER;
        }
        if (t.matches(".*(certif|external audit|surveillance|stage).*")) return Source.CERTIFICATION_AUDIT;
        if (t.matches(".*(client|customer|third.party|supplier) audit.*")) return Source.CLIENT_AUDIT;
        if (t.matches(".*audit.*")) return Source.INTERNAL_AUDIT;
        if (t.matches(".*(incident|breach|outage).*")) return Source.INCIDENT;
        if (t.matches(".*(management review|mr\\b).*")) return Source.MANAGEMENT_REVIEW;
        if (t.matches(".*(change).*")) return Source.CHANGE;
        if (t.matches(".*(objective|kpi|metric).*")) return Source.OBJECTIVE_REVIEW;
        if (t.matches(".*(legal|regulat|law|gdpr|standard).*")) return Source.LEGAL_CHANGE;
        if (t.matches(".*(feedback|complaint|customer|staff suggestion).*")) return Source.FEEDBACK;
        if (t.matches(".*(policy|compliance check).*")) return Source.POLICY_COMPLIANCE;
        return Source.OTHER;
    }

    // --- writing ---------------------------------------------------------------------------------------------------

    /** Checks an uploaded file with the mapping and imports it in one transaction: every row or none, once. */
    public int importFile(Tenant tenant, UUID uploadId, List<Target> mapping) {
        requireManager(tenant);
        dev.ratchet.tabular.ImportUploads.Upload upload = uploads.load(tenant.organisationId(), REGISTER, uploadId);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        Check check = check(tenant, read(upload.fileName(), upload.content()), mapping);
        uploads.imported(tenant.organisationId(), uploadId);
        return write(tenant, check);
    }

    /** Imports every line, oldest first, numbered in the register's own way; all or none. */
    int write(Tenant tenant, Check check) {
        requireManager(tenant);
        if (!check.ok()) {
            throw Refused.conflict("The file has " + check.problems().size() + " problem(s): nothing is imported until they are fixed");
        }
        ZoneId zone = ZoneId.of(organisations.get(tenant.organisationId()).timeZone());
        List<Line> ordered = new ArrayList<>(check.lines());
        ordered.sort(Comparator.comparing(Line::raisedOn).thenComparing(Line::row));
        for (Line line : ordered) {
            Instant raisedAt = line.raisedOn().atStartOfDay(zone).toInstant();
            Instant closedAt = line.closedOn() != null ? line.closedOn().atStartOfDay(zone).toInstant() : raisedAt;
            String reference = references.next(tenant.organisationId(), line.kind(), line.raisedOn().getYear());
            ImprovementRecord record = records.save(ImprovementRecord.migrated(tenant.organisationId(), reference, line.kind(), line.title(), line.description(),
                    line.source(), line.trackerReference() == null ? "Migrated, row " + line.row() : "Migrated from " + line.trackerReference(),
                    line.grade(), line.status(), line.ownerId(), tenant.userId(), raisedAt, line.targetDate(), closedAt, line.rootCause(),
                    line.correction()));
            records.flush();
            improvements.indexTerms(record);
        }
        return ordered.size();
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager brings the earlier tracker in");
        }
    }
}
