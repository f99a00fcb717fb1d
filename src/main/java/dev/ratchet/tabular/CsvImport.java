package dev.ratchet.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a CSV file with a header row completely before anything is written: every row is parsed, every problem is
 * named by row (as a spreadsheet numbers them: the header is row 1) and column, and the caller writes nothing unless
 * there are none. Columns are matched by header, in any order and case; an unknown or missing required column is a
 * problem of row 1.
 */
public final class CsvImport {

    /** A column the import reads. */
    public record Field(String name, boolean required, String help) {

        public static Field required(String name, String help) {
            return new Field(name, true, help);
        }

        public static Field optional(String name, String help) {
            return new Field(name, false, help);
        }
    }

    public record Problem(long row, String column, String message) {
    }

    /** The rows read, or the problems that stop the import. */
    public record Result<T>(List<T> rows, List<Problem> problems, long rowCount) {

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

    public static <T> Result<T> read(InputStream in, List<Field> fields, long maxRows, ZoneId zone, RowReader<T> reader)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        long count = 0;
        try (Reader text = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).setTrim(true).get().parse(text)) {
            Map<String, String> headers = new HashMap<>();
            for (String header : parser.getHeaderNames()) {
                headers.put(header.strip().toLowerCase(Locale.ROOT), header);
            }
            Map<String, Field> known = new LinkedHashMap<>();
            fields.forEach(f -> known.put(f.name().toLowerCase(Locale.ROOT), f));
            for (String header : parser.getHeaderNames()) {
                if (!header.isBlank() && !known.containsKey(header.strip().toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem(1, header, "Unknown column: the columns are " + String.join(", ",
                            fields.stream().map(Field::name).toList())));
                }
            }
            for (Field field : fields) {
                if (field.required() && !headers.containsKey(field.name().toLowerCase(Locale.ROOT))) {
                    problems.add(new Problem(1, field.name(), "Missing column \"" + field.name() + "\" (" + field.help() + ")"));
                }
            }
            if (!problems.isEmpty()) {
                return new Result<>(List.of(), problems, 0);
            }
            for (CSVRecord record : parser) {
                count++;
                if (count > maxRows) {
                    problems.add(new Problem(record.getRecordNumber() + 1, "", "More than " + maxRows + " rows: split the file"));
                    break;
                }
                Row row = new Row(record, headers, known, zone, problems);
                T value = reader.read(row);
                if (!row.failed && value != null) {
                    rows.add(value);
                }
            }
        }
        catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException malformed) {
            problems.add(new Problem(1, "", "This is not a CSV file with a header row that Ratchet can read: " + malformed.getMessage()));
        }
        if (problems.size() > MAX_LISTED) {
            int more = problems.size() - MAX_LISTED;
            List<Problem> listed = new ArrayList<>(problems.subList(0, MAX_LISTED));
            listed.add(new Problem(0, "", "… and " + more + " more problems"));
            problems = listed;
        }
        return new Result<>(problems.isEmpty() ? rows : List.of(), problems, count);
    }

    /** One data row: typed readers that record a problem (and return null) when a value does not fit. */
    public static final class Row {

        /** Strict: 31/02/2024 is a problem, not 29 February. */
        private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
                strict("d/M/uuuu"), strict("d.M.uuuu"), strict("d MMM uuuu"));

        private static DateTimeFormatter strict(String pattern) {
            return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT);
        }

        private final CSVRecord record;
        private final Map<String, String> headers;
        private final Map<String, Field> fields;
        private final ZoneId zone;
        private final List<Problem> problems;
        private boolean failed;

        Row(CSVRecord record, Map<String, String> headers, Map<String, Field> fields, ZoneId zone, List<Problem> problems) {
            this.record = record;
            this.headers = headers;
            this.fields = fields;
            this.zone = zone;
            this.problems = problems;
        }

        /** The row's number as a spreadsheet shows it (the header is row 1). */
        public long number() {
            return record.getRecordNumber() + 1;
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
            String header = headers.get(column.toLowerCase(Locale.ROOT));
            String value = header == null || !record.isMapped(header) || !record.isSet(header) ? null : record.get(header);
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
            return value;
        }

        public LocalDate date(String column) {
            return parse(column, 40, text -> {
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
        }

        /** A moment: an ISO instant, a local date-time (in the organisation's time zone), or a date (midnight). */
        public Instant moment(String column) {
            return parse(column, 40, text -> {
                try {
                    return Instant.parse(text);
                }
                catch (DateTimeParseException notAnInstant) {
                    // try a local time
                }
                for (String pattern : List.of("uuuu-MM-dd'T'HH:mm[:ss]", "uuuu-MM-dd HH:mm[:ss]", "d/M/uuuu HH:mm")) {
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
        }

        public BigDecimal decimal(String column) {
            return parse(column, 40, text -> {
                try {
                    return new BigDecimal(text.replace(",", "."));
                }
                catch (NumberFormatException notANumber) {
                    return null;
                }
            }, "Not a number: write it as 12.5");
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
