package dev.ratchet.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;


/**
 * Reads a CSV file with a header row completely before anything is written: every row is parsed, every problem is
 * named by row (as a spreadsheet numbers them: the header is row 1) and column, and the caller writes nothing unless
 * there are none. Columns are matched by header, in any order and case; an unknown or missing required column is a
 * problem of row 1.
 */
public final class CsvImport {

    /** A column the import reads. */
    public record Field(String name, boolean required, String help, List<String> aliases) {

        public Field(String name, boolean required, String help) {
            this(name, required, help, List.of());
        }

        public static Field required(String name, String help) {
            return new Field(name, true, help);
        }

        public static Field optional(String name, String help) {
            return new Field(name, false, help);
        }

        /** The same field under the header the register's own export gives it, so that an export imports back. */
        public Field alias(String... names) {
            return new Field(name, required, help, List.of(names));
        }

        /** A column of the register's export that an import does not set (it is Ratchet's to keep): left out, with a notice. */
        public static Field exported(String name, String why) {
            return new Field(name, false, "\u0000" + why);
        }

        public boolean exportOnly() {
            return help.startsWith("\u0000");
        }
    }

    /** Never more than a short excerpt of what was sent: a column name of megabytes is not echoed back. */
    public record Problem(long row, String column, String message) {
        public Problem {
            column = dev.ratchet.shared.Texts.excerpt(column);
            message = message == null ? "" : dev.ratchet.shared.Texts.truncate(message, 600);
        }
    }

    /** The rows read, or the problems that stop the import. */
    public record Result<T>(List<T> rows, List<Problem> problems, long rowCount, List<String> notices) {

        public Result(List<T> rows, List<Problem> problems, long rowCount) {
            this(rows, problems, rowCount, List.of());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Turns one row into a record; reports problems through the row's readers and returns null when there are any. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(Row row);
    }

    /** Problems beyond this many are counted, not listed: a wrong file would otherwise list one per cell. */
    static final int MAX_LISTED = 500;

    private CsvImport() {
    }

    /**
     * Reads a CSV (any usual delimiter; UTF-8, else Windows-1252) or the first sheet of an XLSX, such as the
     * register's own export, with its header in the first filled row. Columns are matched by name or by the name the
     * register's export gives them; a column of the export that an import does not set is left out with a notice; an
     * unknown, nameless or doubled column is a problem of the header row, never a parser's error.
     */
    public static <T> Result<T> read(InputStream in, List<Field> fields, long maxRows, ZoneId zone, RowReader<T> reader)
            throws IOException {
        byte[] content = in.readAllBytes();
        List<Problem> problems = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        boolean workbook = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        List<Spreadsheet.SourceRow> all;
        try {
            all = Spreadsheet.read(workbook ? "import.xlsx" : "import.csv", content, null).sheets().get(0).rows();
        }
        catch (dev.ratchet.shared.Refused unreadable) {
            return new Result<>(List.of(), List.of(new Problem(1, "", unreadable.getMessage())), 0);
        }
        int headerIndex = 0;
        while (headerIndex < all.size() && all.get(headerIndex).blank()) {
            headerIndex++;
        }
        if (headerIndex == all.size()) {
            return new Result<>(List.of(), List.of(new Problem(1, "", "The file is empty: its first row names the columns, such as "
                    + String.join(", ", fields.stream().filter(f -> !f.exportOnly()).map(Field::name).toList()))), 0);
        }
        Spreadsheet.SourceRow header = all.get(headerIndex);
        List<Spreadsheet.SourceRow> data = all.subList(headerIndex + 1, all.size());
        Map<String, Field> known = new LinkedHashMap<>();
        for (Field f : fields) {
            known.put(f.name().toLowerCase(Locale.ROOT), f);
            f.aliases().forEach(a -> known.putIfAbsent(a.toLowerCase(Locale.ROOT), f));
        }
        Map<String, Integer> columns = new HashMap<>();
        int width = header.cells().size();
        for (Spreadsheet.SourceRow row : data) {
            width = Math.max(width, row.cells().size());
        }
        int unknown = 0;
        for (int c = 0; c < width; c++) {
            String name = header.cell(c).strip();
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            if (name.isEmpty()) {
                int column = c;
                long filled = data.stream().filter(r -> !r.cell(column).isBlank()).count();
                if (filled > 0) {
                    problems.add(new Problem(header.number(), "column " + letter, "This column has no name in the header row but holds values in "
                            + filled + (filled == 1 ? " row" : " rows") + ": name it, or delete the column"));
                }
                continue;
            }
            Field field = known.get(name.toLowerCase(Locale.ROOT));
            if (field == null && ++unknown > 20) {
                continue;
            }
            if (field == null) {
                problems.add(new Problem(header.number(), name, "Unknown column: the columns are " + String.join(", ",
                        fields.stream().filter(f -> !f.exportOnly()).map(Field::name).toList())));
                continue;
            }
            Integer earlier = columns.putIfAbsent(field.name().toLowerCase(Locale.ROOT), c);
            if (earlier != null) {
                problems.add(new Problem(header.number(), name, "The column " + field.name() + " appears twice (columns "
                        + org.apache.poi.ss.util.CellReference.convertNumToColString(earlier) + " and " + letter + "): keep one"));
            }
            else if (field.exportOnly()) {
                notices.add("The column " + dev.ratchet.shared.Texts.excerpt(name) + " is left out: " + field.help().substring(1));
            }
        }
        if (unknown > 20) {
            problems.add(new Problem(header.number(), "", (unknown - 20) + " more unknown columns"));
        }
        for (Field field : fields) {
            if (field.required() && !columns.containsKey(field.name().toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(header.number(), field.name(), "Missing column \"" + field.name() + "\" (" + field.help() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result<>(List.of(), problems, 0, notices);
        }
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name().toLowerCase(Locale.ROOT), f));
        long count = 0;
        for (Spreadsheet.SourceRow record : data) {
            if (record.blank()) {
                continue;
            }
            count++;
            if (count > maxRows) {
                problems.add(new Problem(record.number(), "", "More than " + maxRows + " rows: split the file"));
                break;
            }
            Row row = new Row(record, columns, byName, zone, problems);
            T value = reader.read(row);
            if (!row.failed && value != null) {
                rows.add(value);
            }
        }
        if (problems.size() > MAX_LISTED) {
            int more = problems.size() - MAX_LISTED;
            List<Problem> listed = new ArrayList<>(problems.subList(0, MAX_LISTED));
            listed.add(new Problem(0, "", "… and " + more + " more problems"));
            problems = listed;
        }
        return new Result<>(problems.isEmpty() ? rows : List.of(), problems, count, notices);
    }

    /** One data row: typed readers that record a problem (and return null) when a value does not fit. */
    public static final class Row {

        /** Strict: 31/02/2024 is a problem, not 29 February. */
        private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
                strict("d/M/uuuu"), strict("d.M.uuuu"), strict("d MMM uuuu"), strict("d MMMM uuuu"));

        private static DateTimeFormatter strict(String pattern) {
            return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT);
        }

        /** Dates outside these years are typing mistakes, and some databases cannot hold them. */
        static final int EARLIEST_YEAR = 1900;
        static final int LATEST_YEAR = 2200;

        private final Spreadsheet.SourceRow record;
        private final Map<String, Integer> columns;
        private final Map<String, Field> fields;
        private final ZoneId zone;
        private final List<Problem> problems;
        private boolean failed;

        Row(Spreadsheet.SourceRow record, Map<String, Integer> columns, Map<String, Field> fields, ZoneId zone, List<Problem> problems) {
            this.record = record;
            this.columns = columns;
            this.fields = fields;
            this.zone = zone;
            this.problems = problems;
        }

        /** The row's number as a spreadsheet shows it (the header is row 1). */
        public long number() {
            return record.number();
        }

        public void problem(String column, String message) {
            failed = true;
            problems.add(new Problem(number(), column, message));
        }

        public boolean failed() {
            return failed;
        }

        /** The cell's text, or null when empty; a required field that is empty is a problem. */
        public String text(String column, int maxLength) {
            Integer index = columns.get(column.toLowerCase(Locale.ROOT));
            String value = index == null ? null : record.cell(index).strip();
            if (value != null && value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
                value = value.substring(1); // neutralised by Ratchet's export against formulas
            }
            if (value == null || value.isBlank()) {
                Field field = fields.get(column.toLowerCase(Locale.ROOT));
                if (field != null && field.required()) {
                    problem(column, "Empty: " + field.help());
                }
                return null;
            }
            if (value.length() > maxLength) {
                problem(column, "Longer than " + maxLength + " characters");
                return null;
            }
            if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
                problem(column, "Holds a control character (such as NUL) that text cannot hold: remove it");
                return null;
            }
            return value;
        }

        public LocalDate date(String column) {
            LocalDate date = parse(column, 40, text -> {
                for (DateTimeFormatter format : DATES) {
                    try {
                        return LocalDate.parse(text, format);
                    }
                    catch (DateTimeParseException next) {
                        // try the next format
                    }
                }
                return null;
            }, "Not a date: write it as 2026-03-31 (or 31/03/2026)");
            return plausible(column, date, date == null ? 0 : date.getYear());
        }

        /** A moment: an ISO instant, a local date-time (in the organisation's time zone), or a date (midnight). */
        public Instant moment(String column) {
            Instant moment = parse(column, 40, text -> {
                try {
                    return Instant.parse(text);
                }
                catch (DateTimeParseException notAnInstant) {
                    // try a local time
                }
                for (String pattern : List.of("uuuu-MM-dd'T'HH:mm[:ss]", "uuuu-MM-dd HH:mm[:ss]", "d/M/uuuu HH:mm", "d MMM uuuu HH:mm")) {
                    try {
                        return LocalDateTime.parse(text, strict(pattern)).atZone(zone).toInstant();
                    }
                    catch (DateTimeParseException next) {
                        // try the next pattern
                    }
                }
                for (DateTimeFormatter format : DATES) {
                    try {
                        return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
                    }
                    catch (DateTimeParseException next) {
                        // try the next format
                    }
                }
                return null;
            }, "Not a date and time: write it as 2026-03-31 14:30 (or 2026-03-31T14:30:00Z)");
            return plausible(column, moment, moment == null ? 0 : moment.atZone(zone).getYear());
        }

        private <V> V plausible(String column, V value, int year) {
            if (value != null && (year < EARLIEST_YEAR || year > LATEST_YEAR)) {
                problem(column, "The year " + year + " cannot be right: write a date between " + EARLIEST_YEAR + " and " + LATEST_YEAR);
                return null;
            }
            return value;
        }

        /** A number of at most 15 digits before the decimal point and 4 after, as the registers keep them; never rounded silently. */
        public BigDecimal decimal(String column) {
            BigDecimal number = parse(column, 40, text -> {
                String t = text.replace(" ", "").replace("\u00A0", "");
                int comma = t.lastIndexOf(',');
                int point = t.lastIndexOf('.');
                if (comma >= 0 && point >= 0) {
                    t = comma > point ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
                }
                else if (comma >= 0) {
                    t = t.replace(',', '.');
                }
                try {
                    return new BigDecimal(t);
                }
                catch (NumberFormatException notANumber) {
                    return null;
                }
            }, "Not a number: write it as 12.5");
            if (number == null) {
                return null;
            }
            BigDecimal stripped = number.stripTrailingZeros();
            if (stripped.precision() - stripped.scale() > 15) {
                problem(column, "Too large: at most 15 digits before the decimal point");
                return null;
            }
            if (stripped.scale() > 4) {
                problem(column, "More than 4 decimal places: round it to 4 (Ratchet would otherwise round it for you)");
                return null;
            }
            return number;
        }

        /** One of an enum's values, by name or label (case and spaces ignored). */
        public <E extends Enum<E>> E choice(String column, Class<E> type, Function<E, String> label) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(label.apply(value));
            }
            return parse(column, 100, text -> {
                String wanted = normal(text);
                for (E value : type.getEnumConstants()) {
                    if (normal(value.name()).equals(wanted) || normal(label.apply(value)).equals(wanted)) {
                        return value;
                    }
                }
                return null;
            }, "Not one of: " + String.join(", ", names));
        }

        private static String normal(String s) {
            return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }

        private <V> V parse(String column, int maxLength, Function<String, V> parser, String message) {
            String text = text(column, maxLength);
            if (text == null) {
                return null;
            }
            V value = parser.apply(text.strip());
            if (value == null) {
                problem(column, message + " (found \"" + text + "\")");
            }
            return value;
        }
    }
}
