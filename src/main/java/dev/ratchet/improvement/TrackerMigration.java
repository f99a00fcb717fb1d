package dev.ratchet.improvement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.action.PlannedAction;
import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.tabular.Spreadsheet;
import dev.ratchet.tabular.Spreadsheet.SourceRow;
import dev.ratchet.improvement.domain.EffectivenessReview;
import dev.ratchet.improvement.domain.EffectivenessReviewRepository;
import dev.ratchet.improvement.domain.ImprovementRecord;
import dev.ratchet.improvement.domain.ImprovementRecordRepository;
import dev.ratchet.improvement.domain.ReferenceNumbers;
import dev.ratchet.improvement.domain.SimilarityIndex;
import dev.ratchet.improvement.domain.TrackerImport;
import dev.ratchet.improvement.domain.TrackerImportRepository;
import dev.ratchet.organisation.AreaView;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.ImportUploads;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings an existing nonconformity / corrective action tracker (XLSX or CSV) into the register without losing a fact.
 * The person chooses the sheet and the header row (both guessed), the field each column goes to (guessed from its
 * header) and what each value of a column means (guessed, remembered for the organisation's next migration). Where
 * the tracker has no status, each row's state is derived from its evidence (a closed date, a verification, a
 * corrective action, a root cause, a correction), counted on the preview with the reason and changeable. Every
 * default applied is counted; every problem is named by the spreadsheet's own row number and the column. The rows come
 * in all or none, once (the file and each tracker reference are unique keys), with their corrective actions as tracked
 * actions and their verifications as effectiveness reviews, and the migration can be undone as a whole for a time.
 */
@Service
@Transactional
public class TrackerMigration {

    public static final String REGISTER = "improvement-migration";

    /** A status value meaning "open, at the stage the row's evidence shows". */
    static final String OPEN = "OPEN";

    /** A status value meaning "as the row's evidence shows, closed if it has a closed date". */
    static final String DERIVE = "DERIVE";

    /** Where a column goes. */
    public enum Target {
        REFERENCE("Tracker reference"), TITLE("Title"), DESCRIPTION("Description"), KIND("Kind (NC or OFI)"), SOURCE("Source"),
        GRADE("Grade / severity"), STATUS("Status"), OWNER("Owner"), AREA("Area"), REQUIREMENTS("Clause or control"), RAISED_ON("Raised on"),
        TARGET_DATE("Target date"), CLOSED_ON("Closed on"), ROOT_CAUSE("Root cause"), CORRECTION("Correction (immediate fix, 10.2 a)"),
        CORRECTIVE_ACTION("Corrective action (tracked action)"), EFFECTIVENESS("Effectiveness verified"), KEEP("Keep in the description"),
        IGNORE("Leave out");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() { return label; }

        /** A column whose values are each given a meaning on the preview. */
        public boolean valued() {
            return this == KIND || this == GRADE || this == STATUS || this == SOURCE || this == OWNER || this == AREA;
        }
    }

    /** Why a row lands in its state. */
    public enum Reason {
        STATUS_COLUMN("the status column says so"), CLOSED_DATE("it has a closed date"),
        VERIFIED_ON("its effectiveness was verified on a date"), VERIFIED("its effectiveness was verified (no date)"),
        ACTION("it has a corrective action"), ROOT_CAUSE("it has a root cause"), CORRECTION("it has a correction"),
        NOTHING("it has only the finding");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    /**
     * What the person chose on the preview; null or empty means "as guessed". Values are keyed
     * {@code TARGET:value} (the value trimmed and in lower case) and {@code STATE:KIND:REASON} for a derived state.
     */
    public record Settings(Integer sheet, Integer headerRow, String encoding, List<Target> mapping, Map<String, String> values) {

        public static Settings guessed() {
            return new Settings(null, null, null, null, Map.of());
        }

        public Settings {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** The sheet as read: its headers (made unique) and the rows under the header row. */
    public record Table(String fileName, List<String> sheetNames, int sheet, int headerRow, List<String> headers, List<SourceRow> rows,
            String encoding, boolean encodingDetected, List<SourceRow> above) {

        public String sheetName() {
            return sheetNames.get(sheet);
        }
    }

    public record Problem(int row, String column, String message) {
    }

    public record Option(String value, String label) {
    }

    /** One distinct value of a valued column, how many rows have it, and what it will mean. */
    public record ValueChoice(String value, String key, int rows, String choice, boolean remembered) {
    }

    public record ValueColumn(Target target, String header, List<ValueChoice> values, List<Option> options, int distinct) {

        public String param(ValueChoice value) {
            return "v:" + target.name() + ":" + value.key();
        }
    }

    /** How many rows land in a state, and why; derived states can be changed by reason. */
    public record StateCount(Kind kind, Status status, Reason reason, int rows) {

        public String param() {
            return "v:STATE:" + kind.name() + ":" + reason.name();
        }
    }

    public record Verification(boolean effective, LocalDate on, String evidence) {
    }

    /** A row as it will be imported. */
    public record Line(int row, String trackerReference, Kind kind, String title, String description, Source source, Grade grade,
            Status status, Reason reason, UUID ownerId, String ownerName, UUID areaId, List<String> requirements, LocalDate raisedOn,
            LocalDate targetDate, LocalDate closedOn, String rootCause, String correction, String correctiveAction, UUID actionOwnerId,
            LocalDate actionDue, Verification verification) {
    }

    public record Check(Table table, List<Target> mapping, List<Line> lines, List<Problem> problems, List<String> notices,
            List<ValueColumn> valueColumns, List<StateCount> states, Settings settings) {

        public boolean ok() {
            return problems.isEmpty() && !lines.isEmpty();
        }

        /** Every choice the preview shows, as form fields: the import imports exactly what the preview showed. */
        public List<String[]> params() {
            List<String[]> params = new ArrayList<>();
            params.add(new String[] { "sheet", String.valueOf(table.sheet()) });
            params.add(new String[] { "header", String.valueOf(table.headerRow()) });
            if (table.encoding() != null) {
                params.add(new String[] { "encoding", table.encoding() });
            }
            mapping.forEach(t -> params.add(new String[] { "map", t.name() }));
            for (ValueColumn column : valueColumns) {
                column.values().stream().filter(v -> v.choice() != null)
                        .forEach(v -> params.add(new String[] { column.param(v), v.choice() }));
            }
            states.stream().filter(st -> st.reason() != Reason.STATUS_COLUMN)
                    .forEach(st -> params.add(new String[] { st.param(), st.status().name() }));
            return params;
        }

        /** The first value of each column, to recognise it by. */
        public List<String> firstValues() {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < table.headers().size(); c++) {
                int column = c;
                values.add(table.rows().stream().map(r -> r.cell(column)).filter(v -> !v.isBlank()).findFirst().orElse(""));
            }
            return values;
        }

        /** The rows above the header row (titles, notes), as text. */
        public List<String> above() {
            return table.above().stream().filter(r -> !r.blank())
                    .map(r -> String.join(" · ", r.cells().stream().filter(v -> !v.isBlank()).toList())).toList();
        }

        public long actions() {
            return lines.stream().filter(l -> l.correctiveAction() != null).count();
        }

        public long reviews() {
            return lines.stream().filter(l -> l.verification() != null).count();
        }
    }

    /** A migration as listed, with whether it can still be undone. */
    public record Migration(UUID id, String fileName, String sheetName, int records, int actions, int reviews, String importedBy,
            Instant importedAt, Instant undoneAt, String undoneBy, boolean undoable, LocalDate undoUntil, java.time.LocalDateTime importedLocal,
            LocalDate undoneOn, String status, String step, int done, int total, String error) {

        /** Still queued or running: the page shows its progress. */
        public boolean working() {
            return TrackerImport.QUEUED.equals(status) || TrackerImport.RUNNING.equals(status);
        }

        public boolean failed() {
            return TrackerImport.FAILED.equals(status);
        }

        /** How far it is, 0 to 100. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, 100L * done / total);
        }
    }

    /** The expected columns, in the order of the downloadable template. */
    public static final List<String> TEMPLATE = List.of("Reference", "Title", "Description", "Kind", "Source", "Grade", "Status", "Owner",
            "Area", "Clause or control", "Raised on", "Target date", "Closed on", "Root cause", "Correction", "Corrective action",
            "Effectiveness verified");

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, pattern("d/M/uuuu"), pattern("d.M.uuuu"),
            pattern("d-M-uuuu"), pattern("uuuu/M/d"), pattern("d MMM uuuu"), pattern("d MMMM uuuu"), pattern("MMM d, uuuu"),
            pattern("MMMM d, uuuu"), pattern("d-MMM-uuuu"), pattern("d-MMM-uu"), pattern("d/M/uu"), pattern("d.M.uu"));

    private static DateTimeFormatter pattern(String p) {
        return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ].*");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Dates before this are typing mistakes, not findings of an ISMS. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private static final String FRAMEWORK = "iso27001-2022";

    private final ImprovementRecordRepository records;
    private final EffectivenessReviewRepository reviews;
    private final TrackerImportRepository migrations;
    private final ReferenceNumbers references;
    private final ImprovementManagement improvements;
    private final OrganisationManagement organisations;
    private final ActionManagement actions;
    private final SimilarityIndex similarity;
    private final CatalogueManagement catalogue;
    private final People people;
    private final ImportUploads uploads;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration undoPeriod;
    private final dev.ratchet.history.HistoryManagement history;
    private final jakarta.persistence.EntityManager entityManager;
    private final org.springframework.context.ApplicationEventPublisher events;

    TrackerMigration(ImprovementRecordRepository records, EffectivenessReviewRepository reviews, TrackerImportRepository migrations,
            ReferenceNumbers references, ImprovementManagement improvements, OrganisationManagement organisations, ActionManagement actions,
            SimilarityIndex similarity, CatalogueManagement catalogue, People people, ImportUploads uploads, JdbcTemplate jdbc, Clock clock,
            @Value("${ratchet.migration.undo-period:P30D}") Duration undoPeriod, dev.ratchet.history.HistoryManagement history,
            jakarta.persistence.EntityManager entityManager, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.history = history;
        this.entityManager = entityManager;
        this.records = records;
        this.reviews = reviews;
        this.migrations = migrations;
        this.references = references;
        this.improvements = improvements;
        this.organisations = organisations;
        this.actions = actions;
        this.similarity = similarity;
        this.catalogue = catalogue;
        this.people = people;
        this.uploads = uploads;
        this.jdbc = jdbc;
        this.clock = clock;
        this.undoPeriod = undoPeriod;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** An uploaded tracker kept for its preview: its id and the rows under its guessed header row. */
    public record Uploaded(UUID uploadId, String fileName, int rows) {
    }

    /** Keeps an uploaded tracker that can be read at all, for its preview and import. */
    public Uploaded upload(Tenant tenant, String fileName, byte[] content) {
        requireManager(tenant);
        int rows = rowCount(fileName, content);
        String name = fileName == null || fileName.isBlank() ? "tracker.csv" : fileName;
        return new Uploaded(uploads.store(tenant.organisationId(), REGISTER, name, content, rows, tenant.userId()), name, rows);
    }

    /** The preview of an uploaded tracker with these choices: what would come in, and every problem; nothing is written. */
    @Transactional(readOnly = true)
    public Check preview(Tenant tenant, UUID uploadId, Settings settings) {
        requireManager(tenant);
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), REGISTER, uploadId);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        return check(tenant, table(upload.fileName(), upload.content(), settings), settings);
    }

    /** The rows of an uploaded tracker under its guessed header row, as counted when it was uploaded. */
    @Transactional(readOnly = true)
    public int uploadedRows(Tenant tenant, UUID uploadId) {
        requireManager(tenant);
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), REGISTER, uploadId);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        return upload.rowCount();
    }

    /** One migration, with its status and progress. */
    @Transactional(readOnly = true)
    public Migration migration(Tenant tenant, UUID migrationId) {
        requireManager(tenant);
        return view(migrations.findByIdAndOrganisationId(migrationId, tenant.organisationId()).orElseThrow(() -> Refused.notFound("Migration")),
                tenant.organisationId());
    }

    /** Checks that the file can be read at all (on upload); the sheet and header row are chosen on the preview. */
    public int rowCount(String fileName, byte[] content) {
        Table table = table(fileName, content, Settings.guessed());
        if (table.rows().stream().allMatch(SourceRow::blank)) {
            throw Refused.field("file", "The file has no rows under its header row");
        }
        return table.rows().size();
    }

    /** The chosen (or most register-like) sheet, its header row (chosen, or the first that looks like one) and the rows under it. */
    public Table table(String fileName, byte[] content, Settings settings) {
        Spreadsheet.Book book = Spreadsheet.read(fileName, content, settings.encoding());
        List<String> names = book.sheets().stream().map(Spreadsheet.Tab::name).toList();
        if (book.sheets().isEmpty()) {
            throw Refused.field("file", "The workbook has no sheets");
        }
        int sheet;
        if (settings.sheet() != null) {
            if (settings.sheet() < 0 || settings.sheet() >= names.size()) {
                throw Refused.field("sheet", "The workbook has no sheet " + (settings.sheet() + 1));
            }
            sheet = settings.sheet();
        } else {
            sheet = 0;
            int best = -1;
            for (int s = 0; s < book.sheets().size(); s++) {
                List<SourceRow> rows = book.sheets().get(s).rows();
                int header = guessHeader(rows);
                int score = header < 0 ? 0 : TrackerValues.headerScore(rows.get(header).cells()) * 10
                        + (int) Math.min(9, rows.subList(header + 1, rows.size()).stream().filter(r -> r.filled() >= 2).count());
                if (score > best) {
                    best = score;
                    sheet = s;
                }
            }
        }
        List<SourceRow> rows = book.sheets().get(sheet).rows();
        int headerIndex;
        if (settings.headerRow() != null) {
            headerIndex = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).number() == settings.headerRow()) {
                    headerIndex = i;
                }
            }
            if (headerIndex < 0 || rows.get(headerIndex).blank()) {
                throw Refused.field("header", "Row " + settings.headerRow() + " of this sheet is empty: choose the row that holds the column names");
            }
        } else {
            headerIndex = guessHeader(rows);
        }
        if (headerIndex < 0) {
            throw Refused.field("file", "The sheet \"" + names.get(sheet) + "\" is empty: choose the sheet that holds the register");
        }
        SourceRow header = rows.get(headerIndex);
        int width = 0;
        for (SourceRow row : rows.subList(headerIndex, rows.size())) {
            for (int c = row.cells().size() - 1; c >= width; c--) {
                if (!row.cell(c).isBlank()) {
                    width = c + 1;
                    break;
                }
            }
        }
        List<String> headers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < width; c++) {
            String h = header.cell(c).strip().replaceAll("\\s+", " ");
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            if (h.isEmpty()) {
                h = "Column " + letter;
            }
            if (seen.merge(h.toLowerCase(Locale.ROOT), 1, Integer::sum) > 1) {
                h = h + " (column " + letter + ")";
            }
            headers.add(h);
        }
        List<SourceRow> data = rows.subList(headerIndex + 1, rows.size());
        int end = data.size();
        while (end > 0 && data.get(end - 1).blank()) {
            end--;
        }
        return new Table(fileName, names, sheet, header.number(), headers, List.copyOf(data.subList(0, end)), book.encoding(),
                book.encodingDetected(), List.copyOf(rows.subList(0, headerIndex)));
    }

    /** The first of the top rows that names at least two known columns, past title rows; else the first filled row. */
    private static int guessHeader(List<SourceRow> rows) {
        int best = -1;
        int bestScore = 3;
        int firstFilled = -1;
        for (int i = 0; i < Math.min(30, rows.size()); i++) {
            SourceRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            if (firstFilled < 0) {
                firstFilled = i;
            }
            int score = row.filled() >= 2 ? TrackerValues.headerScore(row.cells()) : 0;
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best >= 0 ? best : firstFilled;
    }

    // --- mapping ---------------------------------------------------------------------------------------------------

    /** The field each header most likely holds; each field is taken once, the rest kept in the description. */
    public static List<Target> guess(List<String> headers) {
        List<String> keys = headers.stream().map(h -> TrackerValues.key(h.replaceAll("\\(column [A-Z]+\\)$", ""))).toList();
        Target[] mapping = new Target[headers.size()];
        // First the exact names, each field taking the header that matches its likeliest name ("Root cause" before
        // "Root cause analysis"); then the headers that contain a known name, in their order.
        for (Map.Entry<Target, List<String>> e : TrackerValues.SYNONYMS.entrySet()) {
            int best = -1;
            int rank = Integer.MAX_VALUE;
            for (int c = 0; c < keys.size(); c++) {
                int r = e.getValue().indexOf(keys.get(c));
                if (mapping[c] == null && r >= 0 && r < rank) {
                    best = c;
                    rank = r;
                }
            }
            if (best >= 0) {
                mapping[best] = e.getKey();
            }
        }
        java.util.Set<Target> taken = java.util.EnumSet.noneOf(Target.class);
        for (Target t : mapping) {
            if (t != null) {
                taken.add(t);
            }
        }
        for (int c = 0; c < keys.size(); c++) {
            if (mapping[c] != null) {
                continue;
            }
            String key = keys.get(c);
            for (Map.Entry<Target, List<String>> e : TrackerValues.SYNONYMS.entrySet()) {
                if (!taken.contains(e.getKey()) && !key.isEmpty() && e.getValue().stream().anyMatch(s -> s.length() > 3 && key.contains(s))) {
                    mapping[c] = e.getKey();
                    taken.add(e.getKey());
                    break;
                }
            }
            if (mapping[c] == null) {
                String header = headers.get(c);
                mapping[c] = header.startsWith("Column ") && header.length() <= 10 ? Target.IGNORE : Target.KEEP;
            }
        }
        return List.of(mapping);
    }

    // --- checking --------------------------------------------------------------------------------------------------

    /** Reads every row with the settings; nothing is written. */
    @Transactional(readOnly = true)
    public Check check(Tenant tenant, Table table, Settings settings) {
        requireManager(tenant);
        List<Target> mapping = settings.mapping() == null || settings.mapping().size() != table.headers().size()
                ? guess(table.headers()) : settings.mapping();
        List<Problem> problems = new ArrayList<>();
        Map<Target, Integer> columns = new EnumMap<>(Target.class);
        for (int c = 0; c < mapping.size(); c++) {
            Target t = mapping.get(c);
            if (t != Target.KEEP && t != Target.IGNORE && columns.putIfAbsent(t, c) != null) {
                problems.add(new Problem(0, table.headers().get(c), "Two columns are mapped to " + t.label() + ": choose one"));
            }
        }
        if (!columns.containsKey(Target.TITLE) && !columns.containsKey(Target.DESCRIPTION)) {
            problems.add(new Problem(0, "", "Map a column to Title or to Description: every record needs a title"));
        }
        if (!problems.isEmpty()) {
            return new Check(table, mapping, List.of(), problems, List.of(), List.of(), List.of(), settings);
        }
        UUID organisationId = tenant.organisationId();
        LocalDate today = improvements.today(organisationId);
        Function<Integer, String> header = c -> table.headers().get(c);

        // What each value of a valued column means: the person's choice, else the organisation's last, else a guess.
        Map<String, String> remembered = remembered(organisationId);
        List<People.Person> members = people.assignableIn(organisationId);
        List<AreaView> areas = organisations.allAreas(organisationId);
        List<ValueColumn> valueColumns = new ArrayList<>();
        Map<Target, Map<String, String>> meaning = new EnumMap<>(Target.class);
        List<String> notices = new ArrayList<>();
        for (Map.Entry<Target, Integer> e : columns.entrySet()) {
            if (!e.getKey().valued()) {
                continue;
            }
            Target target = e.getKey();
            Map<String, String> shown = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (SourceRow row : table.rows()) {
                String value = row.cell(e.getValue()).strip();
                if (!value.isEmpty()) {
                    String key = TrackerValues.valueKey(value);
                    shown.putIfAbsent(key, value);
                    counts.merge(key, 1, Integer::sum);
                }
            }
            List<Option> options = options(target, members, areas);
            Set<String> valid = new java.util.HashSet<>(options.stream().map(Option::value).toList());
            Map<String, String> chosen = new HashMap<>();
            List<ValueChoice> values = new ArrayList<>();
            for (Map.Entry<String, Integer> v : counts.entrySet()) {
                String key = v.getKey();
                String param = target.name() + ":" + key;
                String choice = settings.values().get(param);
                boolean fromMemory = false;
                if (choice == null || !valid.contains(choice)) {
                    choice = remembered.get(param);
                    fromMemory = choice != null && valid.contains(choice);
                    if (!fromMemory) {
                        choice = guessValue(target, shown.get(key), header.apply(e.getValue()), members, areas);
                    }
                }
                chosen.put(key, choice);
                values.add(new ValueChoice(shown.get(key), key, v.getValue(), choice, fromMemory));
            }
            values.sort(Comparator.comparing((ValueChoice v) -> v.choice() != null).thenComparing(v -> -v.rows()));
            meaning.put(target, chosen);
            valueColumns.add(new ValueColumn(target, header.apply(e.getValue()), values.size() > 300 ? values.subList(0, 300) : values,
                    options, values.size()));
            for (ValueChoice v : values) {
                if (v.choice() == null) {
                    problems.add(new Problem(0, header.apply(e.getValue()), "Choose what \"" + v.value() + "\" means (" + v.rows()
                            + (v.rows() == 1 ? " row" : " rows") + ") under Values below"));
                }
            }
        }

        Map<String, String> inRegister = new HashMap<>();
        for (Object[] pair : records.trackerReferences(organisationId)) {
            inRegister.put(((String) pair[0]).toLowerCase(Locale.ROOT), (String) pair[1]);
        }
        Map<UUID, String> memberNames = new HashMap<>();
        members.forEach(p -> memberNames.put(p.userId(), p.displayName()));
        TrackerRows reading = new TrackerRows(new TrackerRows.Context(tenant, table, mapping, columns, meaning, settings.values(), today,
                inRegister, memberNames, code -> catalogue.find(FRAMEWORK + ":" + code).isPresent(), FRAMEWORK), problems);
        List<Line> lines = new ArrayList<>();
        for (SourceRow row : table.rows()) {
            Line line = reading.read(row);
            if (line != null) {
                lines.add(line);
            }
        }
        Map<String, Integer> defaults = reading.defaults;
        Map<String, Integer> unmatchedOwners = reading.unmatchedOwners;
        Map<String, Integer> unmatchedAreas = reading.unmatchedAreas;
        Map<String, Integer> unknownRequirements = reading.unknownRequirements;
        List<String> skipped = reading.skipped;
        Map<String, Integer> stateCounts = reading.stateCounts;
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "", "No row under the header row holds a record: choose another sheet or header row"));
        }

        notices.addAll(noticesOf(defaults, today, unmatchedOwners, unmatchedAreas, unknownRequirements, tenant));
        if (!skipped.isEmpty()) {
            notices.add(skipped.size() + (skipped.size() == 1 ? " row is" : " rows are") + " left out: " + String.join("; ",
                    skipped.subList(0, Math.min(12, skipped.size()))) + (skipped.size() > 12 ? "; and " + (skipped.size() - 12) + " more" : ""));
        }
        List<StateCount> states = new ArrayList<>();
        stateCounts.forEach((k, n) -> {
            String[] parts = k.split(":");
            states.add(new StateCount(Kind.valueOf(parts[0]), Status.valueOf(parts[1]), Reason.valueOf(parts[2]), n));
        });
        states.sort(Comparator.comparing(StateCount::kind).thenComparing(StateCount::status).thenComparing(StateCount::reason));
        problems.sort(Comparator.comparingInt(Problem::row));
        return new Check(table, mapping, lines, problems, notices, valueColumns, states, settings);
    }

    private static List<String> noticesOf(Map<String, Integer> defaults, LocalDate today, Map<String, Integer> owners, Map<String, Integer> areas,
            Map<String, Integer> requirements, Tenant tenant) {
        List<String> notices = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", "%s without a title: the title is the first words of the description");
        texts.put("longTitle", "%s with a title over 200 characters: shortened to its first words, the whole title kept at the top of the description");
        texts.put("raisedFromClosed", "%s without a raised date: dated by the closed (or verification) date, the earliest date the row has");
        texts.put("raisedToday", "%s without any date: dated today, " + today + " (give a raised date in the file to keep the real one)");
        texts.put("closedWithoutDate", "%s closed without a closed date: closed on the verification date, else the target date, else the raised date");
        texts.put("rejectedWithoutDate", "%s rejected without a closed date: closed on the target date, else the raised date");
        texts.put("actionOwner", "%s with a corrective action but no owner: the action is owned by you, " + tenant.userName() + ", until it is reassigned");
        texts.put("actionDue", "%s with a corrective action but no target date: the action is due on the closed date, else 30 days after it was raised");
        texts.put("verificationUndated", "%s with a verification that has no date or whose record is still open: the verification is kept in the description, not recorded as an effectiveness review");
        defaults.forEach((k, n) -> notices.add(texts.get(k).formatted(n + (n == 1 ? " row" : " rows"))));
        if (!owners.isEmpty()) {
            notices.add(count(owners) + " with an owner who is no member (" + names(owners) + "): they have no owner; the name stays in the"
                    + " description. Choose a member for each under Values, or invite them first");
        }
        if (!areas.isEmpty()) {
            notices.add(count(areas) + " with an area Ratchet does not have (" + names(areas) + "): no area; the name stays in the description."
                    + " Choose an area for each under Values, or add the areas first");
        }
        if (!requirements.isEmpty()) {
            notices.add(count(requirements) + " naming a clause or control that is not in ISO/IEC 27001:2022 (" + names(requirements)
                    + "): kept in the description");
        }
        return notices;
    }

    private static String count(Map<String, Integer> values) {
        int n = values.values().stream().mapToInt(Integer::intValue).sum();
        return n + (n == 1 ? " row" : " rows");
    }

    private static String names(Map<String, Integer> values) {
        List<String> names = values.keySet().stream().limit(8).map(v -> "\"" + abbreviate(v, 40) + "\"").toList();
        return String.join(", ", names) + (values.size() > 8 ? " and " + (values.size() - 8) + " more" : "");
    }

    static Status derived(Kind kind, Reason reason) {
        if (kind == Kind.OPPORTUNITY) {
            return reason == Reason.CLOSED_DATE ? Status.CLOSED : Status.REPORTED;
        }
        return switch (reason) {
            case CLOSED_DATE, VERIFIED_ON -> Status.CLOSED;
            case VERIFIED -> Status.EFFECTIVENESS_REVIEW;
            case ACTION -> Status.ACTIONS_PLANNED;
            case ROOT_CAUSE -> Status.ANALYSED;
            case CORRECTION -> Status.CONTAINED;
            default -> Status.REPORTED;
        };
    }

    /** The states a derived row may be put in instead. */
    public static List<Option> statusOptions(Kind kind) {
        List<Status> states = kind == Kind.OPPORTUNITY ? List.of(Status.REPORTED, Status.CLOSED, Status.REJECTED)
                : List.of(Status.REPORTED, Status.CONTAINED, Status.ANALYSED, Status.ACTIONS_PLANNED, Status.IMPLEMENTED,
                        Status.EFFECTIVENESS_REVIEW, Status.CLOSED, Status.REJECTED);
        return states.stream().map(s -> new Option(s.name(), s.label())).toList();
    }

    private static List<Option> options(Target target, List<People.Person> members, List<AreaView> areas) {
        List<Option> options = new ArrayList<>();
        switch (target) {
            case KIND -> {
                options.add(new Option("NONCONFORMITY", "Nonconformity"));
                options.add(new Option("MAJOR", "Nonconformity, major"));
                options.add(new Option("MINOR", "Nonconformity, minor"));
                options.add(new Option("OPPORTUNITY", "Opportunity for improvement"));
            }
            case GRADE -> {
                options.add(new Option("MAJOR", "Major"));
                options.add(new Option("MINOR", "Minor"));
                options.add(new Option("NONE", "No grade yet"));
                options.add(new Option("OPPORTUNITY", "Not a nonconformity: an opportunity for improvement"));
            }
            case STATUS -> {
                options.add(new Option(DERIVE, "As the row shows (closed if it has a closed date)"));
                options.add(new Option(OPEN, "Open, at the stage the row shows"));
                statusOptions(Kind.NONCONFORMITY).forEach(options::add);
            }
            case SOURCE -> {
                for (Source s : Source.values()) {
                    options.add(new Option(s.name(), s.label()));
                }
            }
            case OWNER -> {
                options.add(new Option("", "Nobody (the name stays in the description)"));
                members.stream().sorted(Comparator.comparing(People.Person::displayName))
                        .forEach(p -> options.add(new Option(p.userId().toString(), p.displayName() + " <" + p.email() + ">")));
            }
            case AREA -> {
                options.add(new Option("", "No area (the name stays in the description)"));
                areas.forEach(a -> options.add(new Option(a.id().toString(), a.name())));
            }
            default -> {
            }
        }
        return options;
    }

    private static String guessValue(Target target, String value, String header, List<People.Person> members, List<AreaView> areas) {
        return switch (target) {
            case KIND -> TrackerValues.kind(value);
            case GRADE -> TrackerValues.grade(value);
            case STATUS -> TrackerValues.status(value);
            case SOURCE -> TrackerValues.source(value, header);
            case OWNER -> owner(value, members);
            case AREA -> areas.stream().filter(a -> a.name().equalsIgnoreCase(value.strip())).findFirst().map(a -> a.id().toString()).orElse("");
            default -> null;
        };
    }

    /** A member by e-mail, name, the e-mail's local part, or (when only one fits) an initial and a surname ("J. Smith"). */
    static String owner(String value, List<People.Person> members) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (People.Person p : members) {
            if (p.email().equalsIgnoreCase(v) || p.displayName().equalsIgnoreCase(v)
                    || p.email().toLowerCase(Locale.ROOT).startsWith(v + "@")) {
                return p.userId().toString();
            }
        }
        String[] words = v.replace(".", " ").trim().split("\\s+");
        if (words.length >= 2) {
            String surname = words[words.length - 1];
            List<People.Person> fits = members.stream().filter(p -> {
                String[] name = p.displayName().toLowerCase(Locale.ROOT).trim().split("\\s+");
                return name.length >= 2 && name[name.length - 1].equals(surname) && name[0].startsWith(words[0]);
            }).toList();
            if (fits.size() == 1) {
                return fits.get(0).userId().toString();
            }
        }
        return "";
    }

    private Map<String, String> remembered(UUID organisationId) {
        Map<String, String> values = new HashMap<>();
        jdbc.query("select target, value_key, choice from migration_value where organisation_id = ?",
                rs -> { values.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3)); }, organisationId);
        return values;
    }

    /** Dates as trackers write them; day before month where both could be either (the UK and European way). */
    static LocalDate date(String text, int row, String column, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 10 && DATE_TIME.matcher(t).matches()) {
            t = t.substring(0, 10);
        }
        LocalDate found = null;
        for (DateTimeFormatter format : DATES) {
            try {
                found = LocalDate.parse(t, format);
                break;
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        if (found == null && t.matches("\\d{5}(\\.0+)?")) {
            found = LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(t.replaceAll("\\..*", ""))); // an Excel serial date written as a number
        }
        if (found == null) {
            problems.add(new Problem(row, column, "\"" + abbreviate(text, 60) + "\" is not a date Ratchet can read (such as 2025-03-14 or 14/03/2025)"));
            return null;
        }
        if (found.getYear() < 100) {
            found = found.plusYears(2000);
        }
        if (found.isBefore(EARLIEST)) {
            problems.add(new Problem(row, column, "\"" + text + "\" is before 1990: check the year"));
            return null;
        }
        return found;
    }

    // --- writing ---------------------------------------------------------------------------------------------------

    /** Checks an uploaded file with the settings and imports it in one transaction: every row or none, once. */
    public Migration importFile(Tenant tenant, UUID uploadId, Settings settings) {
        requireManager(tenant);
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), REGISTER, uploadId);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        TrackerImport migration = migrations.save(new TrackerImport(tenant.organisationId(), uploadId, upload.fileName(), null, tenant.userId(),
                clock.instant()));
        return importInto(tenant, migration.getId(), upload, settings, Progress.NONE);
    }

    /** What a running migration reports as it goes: the step, and how many of how many rows are done. */
    public interface Progress {
        Progress NONE = (step, done, total) -> { };

        void at(String step, int done, int total);
    }

    /**
     * Queues the migration of an uploaded file with the preview's choices, to run in the background (a large file):
     * nothing is read or written here but the queue entry. Refused while the same upload is queued or running.
     */
    public Migration enqueue(Tenant tenant, UUID uploadId, Settings settings) {
        requireManager(tenant);
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), REGISTER, uploadId);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        if (ImportUploads.IMPORTED.equals(upload.status())) {
            throw Refused.conflict("This file has been imported already: nothing was imported again");
        }
        Integer running = jdbc.queryForObject("select count(*) from tracker_import where upload_id = ? and status in ('QUEUED', 'RUNNING')",
                Integer.class, uploadId);
        if (running != null && running > 0) {
            throw Refused.conflict("This file is being imported already: its progress is on the migration page");
        }
        TrackerImport migration = migrations.save(TrackerImport.queued(tenant.organisationId(), uploadId, upload.fileName(), tenant.userId(),
                clock.instant(), SETTINGS.writeValueAsString(settings), upload.rowCount()));
        events.publishEvent(new Queued(migration.getId()));
        return view(migration, tenant.organisationId());
    }

    /** A migration queued to run in the background; MigrationJobs starts it once the queueing has committed. */
    record Queued(UUID migrationId) {
    }

    private static final tools.jackson.databind.json.JsonMapper SETTINGS = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Runs a queued migration claimed by this instance (see MigrationJobs), as the person who queued it. */
    public Migration importQueued(UUID migrationId, Tenant tenant, Progress progress) {
        TrackerImport migration = migrations.findById(migrationId).orElseThrow(() -> Refused.notFound("Migration"));
        ImportUploads.Upload upload = uploads.load(migration.getOrganisationId(), REGISTER, migration.getUploadId());
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        return importInto(tenant, migrationId, upload, SETTINGS.readValue(migration.getSettings(), Settings.class), progress);
    }

    /** The person who queued a migration, as the background run acts for them. */
    @Transactional(readOnly = true)
    public Tenant queuedBy(UUID migrationId) {
        TrackerImport migration = migrations.findById(migrationId).orElseThrow(() -> Refused.notFound("Migration"));
        UUID organisationId = migration.getOrganisationId();
        return new Tenant(organisationId, organisations.get(organisationId).name(), migration.getImportedBy(),
                people.displayNames(organisationId).getOrDefault(migration.getImportedBy(), "a former member"), Set.of("ISMS_MANAGER"));
    }

    private Migration importInto(Tenant tenant, UUID migrationId, ImportUploads.Upload upload, Settings settings, Progress progress) {
        // First the file's unique key: of two imports of one file at once, the second waits here and is refused.
        uploads.imported(tenant.organisationId(), upload.id());
        progress.at("Reading the file", 0, upload.rowCount());
        Table table = table(upload.fileName(), upload.content(), settings);
        progress.at("Checking " + table.rows().size() + " rows", 0, table.rows().size());
        Check check = check(tenant, table, settings);
        if (!check.ok()) {
            throw Refused.conflict("The file has " + check.problems().size() + " problem(s): nothing is imported until they are fixed");
        }
        write(tenant, migrationId, check, upload.fileName().toLowerCase(Locale.ROOT).endsWith(".csv") ? null : table.sheetName(), progress);
        remember(tenant.organisationId(), check);
        return view(migrations.findById(migrationId).orElseThrow(), tenant.organisationId());
    }

    /**
     * Imports every line, oldest first, numbered in the register's own way; all or none. Written in batches of 500:
     * the entities through Hibernate's JDBC batching, the similarity index a batch at a time, the persistence context
     * emptied after each. Their history is gathered and appended at the end (the same entries; the chain's head locked
     * only for the last moments) and their reference numbers reserved beforehand, so that other changes of the
     * organisation go on while the import runs.
     */
    void write(Tenant tenant, UUID migrationId, Check check, String sheetName, Progress progress) {
        UUID organisationId = tenant.organisationId();
        ZoneId zone = ZoneId.of(organisations.get(organisationId).timeZone());
        LocalDate today = improvements.today(organisationId);
        List<Line> ordered = new ArrayList<>(check.lines());
        ordered.sort(Comparator.comparing(Line::raisedOn).thenComparing(Line::row));
        Map<String, Integer> next = new HashMap<>();
        Map<String, Long> needed = new HashMap<>();
        ordered.forEach(l -> needed.merge(l.kind().name() + ":" + l.raisedOn().getYear(), 1L, Long::sum));
        needed.forEach((k, n) -> {
            String[] parts = k.split(":");
            next.put(k, references.reserve(organisationId, Kind.valueOf(parts[0]), Integer.parseInt(parts[1]), n.intValue()));
        });
        int[] counts = new int[3];
        Map<String, Integer> termCounts = new HashMap<>();
        org.hibernate.Session session = entityManager.unwrap(org.hibernate.Session.class);
        Integer batchSize = session.getJdbcBatchSize();
        session.setJdbcBatchSize(500);
        try {
            history.inBulk(organisationId, () -> {
                List<ImprovementRecord> batch = new ArrayList<>();
                List<ActionManagement.MigratedAction> batchActions = new ArrayList<>();
                List<EffectivenessReview> batchReviews = new ArrayList<>();
                for (Line line : ordered) {
                    String key = line.kind().name() + ":" + line.raisedOn().getYear();
                    int number = next.merge(key, 1, Integer::sum) - 1;
                    String reference = ReferenceNumbers.format(line.kind(), line.raisedOn().getYear(), number);
                    Instant raisedAt = line.raisedOn().atStartOfDay(zone).toInstant();
                    Instant closedAt = line.closedOn() == null ? null : line.closedOn().atStartOfDay(zone).toInstant();
                    ImprovementRecord record = ImprovementRecord.migrated(organisationId, new ImprovementRecord.Migrated(reference, line.kind(),
                            line.title(), line.description(), line.source(), line.trackerReference(), migrationId, line.grade(), line.status(),
                            line.ownerId(), line.areaId(), line.requirements(), tenant.userId(), raisedAt, line.targetDate(), closedAt,
                            line.rootCause(), line.correction(), today));
                    batch.add(record);
                    if (line.correctiveAction() != null) {
                        boolean done = line.status() == Status.CLOSED || line.status() == Status.IMPLEMENTED
                                || line.status() == Status.EFFECTIVENESS_REVIEW;
                        String text = line.correctiveAction();
                        batchActions.add(new ActionManagement.MigratedAction(record.getId(), reference, line.areaId(),
                                new PlannedAction(firstWords(text, 150), text.length() > 150 ? text : null, line.actionOwnerId(), line.actionDue(),
                                        "Not recorded in the earlier tracker (migrated): the effectiveness review judges the result"),
                                done ? (closedAt != null ? closedAt : raisedAt) : null, line.actionOwnerId()));
                    }
                    if (line.verification() != null) {
                        batchReviews.add(EffectivenessReview.migrated(record, line.ownerId() != null ? line.ownerId() : tenant.userId(),
                                line.verification().evidence(), line.verification().effective(),
                                line.verification().on().atStartOfDay(zone).toInstant()));
                    }
                    if (batch.size() == 500) {
                        flush(organisationId, batch, batchActions, batchReviews, counts, termCounts);
                        progress.at("Writing the records", counts[2], ordered.size());
                    }
                }
                flush(organisationId, batch, batchActions, batchReviews, counts, termCounts);
                similarity.raiseCounts(organisationId, termCounts);
                return null;
            });
        } finally {
            session.setJdbcBatchSize(batchSize);
        }
        migrations.findById(migrationId).orElseThrow().finished(sheetName, ordered.size(), counts[0], counts[1], clock.instant());
        migrations.flush();
    }

    private void flush(UUID organisationId, List<ImprovementRecord> batch, List<ActionManagement.MigratedAction> batchActions,
            List<EffectivenessReview> batchReviews, int[] counts, Map<String, Integer> termCounts) {
        if (batch.isEmpty()) {
            return;
        }
        // persist, not save: the ids are assigned, so save would merge, reading every row before writing it.
        batch.forEach(entityManager::persist);
        batchReviews.forEach(entityManager::persist);
        counts[0] += actions.migrate(organisationId, ImprovementManagement.ORIGIN, batchActions);
        counts[1] += batchReviews.size();
        counts[2] += batch.size();
        try {
            entityManager.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException | jakarta.persistence.PersistenceException twice) {
            throw Refused.conflict("A tracker reference of this file was imported at the same moment by someone else: nothing was imported twice");
        }
        Map<UUID, Set<String>> terms = new LinkedHashMap<>();
        batch.forEach(r -> terms.put(r.getId(), ImprovementManagement.termsOf(r)));
        similarity.indexNew(organisationId, terms, termCounts);
        entityManager.clear();
        batch.clear();
        batchActions.clear();
        batchReviews.clear();
    }

    /** Keeps what each value meant, to be offered first at the organisation's next migration. */
    private void remember(UUID organisationId, Check check) {
        List<Object[]> rows = new ArrayList<>();
        for (ValueColumn column : check.valueColumns()) {
            for (ValueChoice value : column.values()) {
                if (value.choice() != null && !value.choice().isEmpty()) {
                    rows.add(new Object[] { organisationId, column.target().name(), value.key(), value.choice() });
                }
            }
        }
        jdbc.batchUpdate("delete from migration_value where organisation_id = ? and target = ? and value_key = ?",
                rows.stream().map(r -> new Object[] { r[0], r[1], r[2] }).toList());
        jdbc.batchUpdate("insert into migration_value (organisation_id, target, value_key, choice) values (?, ?, ?, ?)", rows);
    }

    // --- migrations: list and undo -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Migration> migrations(Tenant tenant) {
        requireManager(tenant);
        return migrations.findTop20ByOrganisationIdOrderByImportedAtDesc(tenant.organisationId()).stream()
                .map(m -> view(m, tenant.organisationId())).toList();
    }

    /**
     * Undoes a migration as a whole: its records, their actions and verifications are removed (the history keeps them
     * and the removal), and the file can be imported again. Refused when a record has been worked on since, so that
     * no work done in Ratchet is lost by an undo.
     */
    public Migration undo(Tenant tenant, UUID migrationId, Long version) {
        requireManager(tenant);
        TrackerImport migration = migrations.findByIdAndOrganisationId(migrationId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Migration"));
        if (version != null && version != migration.getVersion()) {
            throw Refused.staleEdit();
        }
        migration.undo(tenant.userId(), clock.instant(), migration.getImportedAt().plus(undoPeriod));
        List<ImprovementRecord> brought = records.findByOrganisationIdAndMigrationId(tenant.organisationId(), migrationId);
        List<UUID> ids = brought.stream().map(ImprovementRecord::getId).toList();
        List<String> changed = brought.stream().filter(r -> r.getVersion() > 0).map(ImprovementRecord::getReference).sorted().toList();
        if (!changed.isEmpty()) {
            throw Refused.conflict("Records of this migration have been worked on since (" + String.join(", ", changed.subList(0,
                    Math.min(5, changed.size()))) + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : "")
                    + "): undoing would lose that work. Reject or change those records one by one instead");
        }
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            reviews.deleteAll(reviews.findByRecordIdInOrderByReviewedAtAsc(chunk));
            actions.removeMigrated(tenant.organisationId(), ImprovementManagement.ORIGIN, chunk);
            similarity.remove(tenant.organisationId(), chunk);
        }
        records.deleteAll(brought);
        records.flush();
        uploads.reopen(tenant.organisationId(), migration.getUploadId());
        return view(migration, tenant.organisationId());
    }

    private Migration view(TrackerImport m, UUID organisationId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        Instant deadline = m.getImportedAt().plus(undoPeriod);
        ZoneId zone = ZoneId.of(organisations.get(organisationId).timeZone());
        return new Migration(m.getId(), m.getFileName(), m.getSheetName(), m.getRecordCount(), m.getActionCount(), m.getReviewCount(),
                names.getOrDefault(m.getImportedBy(), "a former member"), m.getImportedAt(), m.getUndoneAt(),
                m.getUndoneBy() == null ? null : names.getOrDefault(m.getUndoneBy(), "a former member"),
                m.getUndoneAt() == null && TrackerImport.DONE.equals(m.getStatus()) && clock.instant().isBefore(deadline), deadline.atZone(zone).toLocalDate(),
                m.getImportedAt().atZone(zone).toLocalDateTime(), m.getUndoneAt() == null ? null : m.getUndoneAt().atZone(zone).toLocalDate(),
                m.getStatus(), m.getStep(), m.getDone(), m.getTotal(), m.getError());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static String firstWords(String text, int max) {
        String oneLine = SPACES.matcher(text.strip()).replaceAll(" ");
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? oneLine.substring(0, cut) : oneLine.substring(0, max - 1)).replaceAll("[,;:.\\-]+$", "") + "…"; // rare: long titles only
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager brings the earlier tracker in");
        }
    }
}
