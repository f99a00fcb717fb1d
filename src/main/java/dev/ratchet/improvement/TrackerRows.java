package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import dev.ratchet.improvement.TrackerMigration.Line;
import dev.ratchet.improvement.TrackerMigration.Problem;
import dev.ratchet.improvement.TrackerMigration.Reason;
import dev.ratchet.improvement.TrackerMigration.Target;
import dev.ratchet.improvement.TrackerMigration.Verification;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.Spreadsheet.SourceRow;

/**
 * Reads a tracker's rows one at a time with the mapping and what each value means, and tallies what the preview
 * tells: the rows left out and why, every default applied, the names matching nobody, the states and their reasons,
 * and every problem by row and column.
 */
final class TrackerRows {

    /** What the reading knows of the organisation and the person's choices. */
    record Context(Tenant tenant, TrackerMigration.Table table, List<Target> mapping, Map<Target, Integer> columns,
            Map<Target, Map<String, String>> meaning, Map<String, String> choices, LocalDate today, Map<String, String> inRegister,
            Map<UUID, String> memberNames, Predicate<String> knownRequirement, String framework) {
    }

    private final Context context;
    final List<Problem> problems;
    final Map<String, Integer> defaults = new LinkedHashMap<>();
    final Map<String, Integer> unmatchedOwners = new TreeMap<>();
    final Map<String, Integer> unmatchedAreas = new TreeMap<>();
    final Map<String, Integer> unknownRequirements = new TreeMap<>();
    final List<String> skipped = new ArrayList<>();
    final Map<String, Integer> stateCounts = new LinkedHashMap<>();
    private final Map<String, Integer> inFile = new HashMap<>();
    private final Set<Integer> textColumns = new java.util.HashSet<>();

    TrackerRows(Context context, List<Problem> problems) {
        this.context = context;
        this.problems = problems;
        if (context.columns().containsKey(Target.TITLE)) {
            textColumns.add(context.columns().get(Target.TITLE));
        }
        if (context.columns().containsKey(Target.DESCRIPTION)) {
            textColumns.add(context.columns().get(Target.DESCRIPTION));
        }
    }

    /** One row's cells by field, with the header each came from and the text kept for the description. */
    private final class Cells {
        final SourceRow row;
        final StringBuilder extra = new StringBuilder();

        Cells(SourceRow row) {
            this.row = row;
        }

        String get(Target t) {
            return context.columns().containsKey(t) ? row.cell(context.columns().get(t)).strip() : "";
        }

        String column(Target t) {
            return context.columns().containsKey(t) ? header(context.columns().get(t)) : t.label();
        }

        void keep(Target t, String text) {
            extra.append(column(t)).append(": ").append(text).append('\n');
        }

        void problem(Target t, String message) {
            problems.add(new Problem(row.number(), column(t), message));
        }
    }

    private String header(int column) {
        return context.table().headers().get(column);
    }

    /** The row as it will come in, or null when it is left out or has a problem (tallied). */
    Line read(SourceRow row) {
        if (leftOut(row) || unreadable(row)) {
            return null;
        }
        Cells cells = new Cells(row);
        Kind kind = kind(cells);
        Grade grade = kind == Kind.OPPORTUNITY ? null : grade(cells);
        String description = cells.get(Target.DESCRIPTION);
        String title = title(cells, description);
        if (title == null) {
            return null;
        }
        TrackerValues.Verification verified = TrackerValues.verification(cells.get(Target.EFFECTIVENESS));
        Dates dates = dates(cells, verified);
        String rootCause = blankToNull(cells.get(Target.ROOT_CAUSE));
        String correction = blankToNull(cells.get(Target.CORRECTION));
        String correctiveAction = blankToNull(cells.get(Target.CORRECTIVE_ACTION));
        State state = state(cells, kind, dates, verified, rootCause, correction, correctiveAction);
        if (state == null) {
            return null; // a status to choose, named among the values
        }
        LocalDate closedOn = state.closedOn();
        UUID ownerId = chosen(cells, Target.OWNER, unmatchedOwners);
        UUID areaId = chosen(cells, Target.AREA, unmatchedAreas);
        List<String> requirements = requirements(cells);
        UUID actionOwner = null;
        LocalDate actionDue = null;
        if (correctiveAction != null) {
            actionOwner = ownerId != null ? ownerId : defaulted("actionOwner", context.tenant().userId());
            actionDue = dates.target() != null ? dates.target()
                    : defaulted("actionDue", closedOn != null ? closedOn : dates.raised().plusDays(30));
        }
        Verification verification = verification(cells, kind, state.status(), verified, dates.verified(), closedOn);
        String trackerReference = trackerReference(cells);
        String fullDescription = description(cells, description, title);
        lengths(cells, fullDescription, correctiveAction);
        String sourceChoice = meaningOf(Target.SOURCE, cells.get(Target.SOURCE));
        return new Line(row.number(), trackerReference, kind, title, fullDescription, sourceChoice == null ? Source.OTHER : Source.valueOf(sourceChoice),
                grade, state.status(), state.reason(), ownerId, ownerId == null ? null : context.memberNames().get(ownerId), areaId, requirements,
                dates.raised(), dates.target(), closedOn, rootCause, correction, correctiveAction, actionOwner, actionDue, verification);
    }

    // --- rows left out, cells that cannot be read ------------------------------------------------------------------

    private boolean leftOut(SourceRow row) {
        int number = row.number();
        if (row.blank()) {
            skipped.add("Row " + number + " is empty");
            return true;
        }
        if (isHeaderAgain(row, context.table().headers())) {
            skipped.add("Row " + number + " repeats the header row");
            return true;
        }
        if (row.filled() == 1 && context.table().headers().size() >= 3) {
            int only = 0;
            while (row.cell(only).isBlank()) {
                only++;
            }
            if (!textColumns.contains(only)) {
                skipped.add("Row " + number + " holds only \"" + abbreviate(row.cell(only), 40) + "\" in "
                        + header(Math.min(only, context.table().headers().size() - 1)) + ": read as a section heading");
                return true;
            }
        }
        return false;
    }

    private static boolean isHeaderAgain(SourceRow row, List<String> headers) {
        int same = 0;
        for (int c = 0; c < headers.size(); c++) {
            if (!row.cell(c).isBlank() && row.cell(c).strip().equalsIgnoreCase(headers.get(c))) {
                same++;
            }
        }
        return same >= Math.max(2, row.filled() - 1) && same * 2 > headers.size();
    }

    private boolean unreadable(SourceRow row) {
        int before = problems.size();
        for (int c = 0; c < context.table().headers().size(); c++) {
            if (context.mapping().get(c) == Target.IGNORE) {
                continue;
            }
            if (row.uncached().contains(c)) {
                problems.add(new Problem(row.number(), header(c), "The formula in this cell has no value stored with it (the file was"
                        + " saved by a program that does not calculate): open it in Excel or LibreOffice, save it, and upload it again"));
            }
            if (row.cell(c).chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
                problems.add(new Problem(row.number(), header(c), "The cell holds a control character (such as NUL) that text cannot"
                        + " hold: remove it"));
            }
        }
        return problems.size() > before;
    }

    // --- kind, grade, title -----------------------------------------------------------------------------------------

    /** From the kind column and the grade column: an "Observation" grade makes an opportunity. */
    private Kind kind(Cells cells) {
        String grade = meaningOf(Target.GRADE, cells.get(Target.GRADE));
        return "OPPORTUNITY".equals(meaningOf(Target.KIND, cells.get(Target.KIND))) || "OPPORTUNITY".equals(grade) ? Kind.OPPORTUNITY
                : Kind.NONCONFORMITY;
    }

    private Grade grade(Cells cells) {
        String grade = meaningOf(Target.GRADE, cells.get(Target.GRADE));
        if ("MAJOR".equals(grade) || "MINOR".equals(grade)) {
            return Grade.valueOf(grade);
        }
        String kind = meaningOf(Target.KIND, cells.get(Target.KIND));
        return "MAJOR".equals(kind) || "MINOR".equals(kind) ? Grade.valueOf(kind) : null;
    }

    /** Its column, else the first words of the description; a long one is shortened and kept whole in the description. */
    private String title(Cells cells, String description) {
        String title = cells.get(Target.TITLE);
        if (title.isEmpty()) {
            if (description.isEmpty()) {
                cells.problem(context.columns().containsKey(Target.TITLE) ? Target.TITLE : Target.DESCRIPTION,
                        "The row has neither a title nor a description");
                return null;
            }
            defaults.merge("title", 1, Integer::sum);
            return TrackerMigration.firstWords(description, 80);
        }
        if (title.length() > 200) {
            cells.extra.append(title).append('\n');
            defaults.merge("longTitle", 1, Integer::sum);
            return TrackerMigration.firstWords(title, 80);
        }
        return title;
    }

    // --- dates and state -------------------------------------------------------------------------------------------

    private record Dates(LocalDate raised, LocalDate target, LocalDate closed, LocalDate verified) {
    }

    /** Plausible and in order; a missing raised date is the earliest date the row has, else today (both counted). */
    private Dates dates(Cells cells, TrackerValues.Verification verified) {
        int number = cells.row.number();
        LocalDate today = context.today();
        LocalDate raised = TrackerMigration.date(cells.get(Target.RAISED_ON), number, cells.column(Target.RAISED_ON), problems);
        LocalDate target = TrackerMigration.date(cells.get(Target.TARGET_DATE), number, cells.column(Target.TARGET_DATE), problems);
        LocalDate closed = TrackerMigration.date(cells.get(Target.CLOSED_ON), number, cells.column(Target.CLOSED_ON), problems);
        LocalDate verifiedOn = verified.dateText() == null ? null
                : TrackerMigration.date(verified.dateText(), number, cells.column(Target.EFFECTIVENESS), problems);
        if (raised != null && raised.isAfter(today)) {
            cells.problem(Target.RAISED_ON, "The date raised " + raised + " is in the future");
        }
        if (closed != null && closed.isAfter(today)) {
            cells.problem(Target.CLOSED_ON, "The closed date " + closed + " is in the future");
        }
        if (verifiedOn != null && verifiedOn.isAfter(today)) {
            cells.problem(Target.EFFECTIVENESS, "The verification date " + verifiedOn + " is in the future");
        }
        if (target != null && target.isAfter(today.plusYears(10))) {
            cells.problem(Target.TARGET_DATE, "The target date " + target + " is more than ten years away");
        }
        if (raised == null) {
            LocalDate earliest = closed != null ? closed : verifiedOn;
            raised = earliest != null && !earliest.isAfter(today) ? earliest : today;
            defaults.merge(earliest != null ? "raisedFromClosed" : "raisedToday", 1, Integer::sum);
        }
        if (closed != null && closed.isBefore(raised)) {
            cells.problem(Target.CLOSED_ON, "Closed on " + closed + ", before it was raised (" + raised + ")");
        }
        if (verifiedOn != null && verifiedOn.isBefore(raised)) {
            cells.problem(Target.EFFECTIVENESS, "Verified on " + verifiedOn + ", before it was raised (" + raised + ")");
        }
        return new Dates(raised, target, closed, verifiedOn);
    }

    private record State(Status status, Reason reason, LocalDate closedOn) {
    }

    /** The status column's meaning, else what the row's evidence shows (changeable by reason); a closed row gets a closed date. */
    private State state(Cells cells, Kind kind, Dates dates, TrackerValues.Verification verified, String rootCause, String correction,
            String correctiveAction) {
        String choice = context.columns().containsKey(Target.STATUS) && !cells.get(Target.STATUS).isEmpty()
                ? meaningOf(Target.STATUS, cells.get(Target.STATUS)) : TrackerMigration.DERIVE;
        if (choice == null) {
            return null;
        }
        Status status;
        Reason reason;
        if (TrackerMigration.DERIVE.equals(choice) || TrackerMigration.OPEN.equals(choice)) {
            boolean mayClose = TrackerMigration.DERIVE.equals(choice);
            reason = mayClose && dates.closed() != null ? Reason.CLOSED_DATE
                    : mayClose && verified.effective() != null && dates.verified() != null ? Reason.VERIFIED_ON
                    : verified.effective() != null && kind == Kind.NONCONFORMITY ? Reason.VERIFIED
                    : correctiveAction != null ? Reason.ACTION
                    : rootCause != null ? Reason.ROOT_CAUSE
                    : correction != null ? Reason.CORRECTION : Reason.NOTHING;
            status = TrackerMigration.derived(kind, reason);
            String override = context.choices().get("STATE:" + kind.name() + ":" + reason.name());
            if (override != null && TrackerMigration.statusOptions(kind).stream().anyMatch(o -> o.value().equals(override))) {
                status = Status.valueOf(override);
            }
        } else {
            reason = Reason.STATUS_COLUMN;
            status = Status.valueOf(choice);
            if (kind == Kind.OPPORTUNITY && status != Status.CLOSED && status != Status.REJECTED) {
                status = Status.REPORTED;
            }
        }
        LocalDate closedOn = dates.closed();
        if (!status.isOpen() && closedOn == null) {
            LocalDate target = dates.target();
            closedOn = dates.verified() != null ? dates.verified()
                    : target != null && !target.isAfter(context.today()) && !target.isBefore(dates.raised()) ? target : dates.raised();
            defaults.merge(status == Status.CLOSED ? "closedWithoutDate" : "rejectedWithoutDate", 1, Integer::sum);
        }
        stateCounts.merge(kind.name() + ":" + status.name() + ":" + reason.name(), 1, Integer::sum);
        return new State(status, reason, closedOn);
    }

    // --- people, areas, requirements, verification, reference ------------------------------------------------------

    /** A member or an area by the meaning of its value; a name matching nobody stays in the description (tallied). */
    private UUID chosen(Cells cells, Target target, Map<String, Integer> unmatched) {
        String text = cells.get(target);
        if (text.isEmpty()) {
            return null;
        }
        String choice = meaningOf(target, text);
        if (choice == null || choice.isEmpty()) {
            unmatched.merge(text, 1, Integer::sum);
            cells.keep(target, text);
            return null;
        }
        return UUID.fromString(choice);
    }

    private List<String> requirements(Cells cells) {
        List<String> requirements = new ArrayList<>();
        String text = cells.get(Target.REQUIREMENTS);
        if (!text.isEmpty()) {
            TrackerValues.Requirements found = TrackerValues.requirements(text, cells.column(Target.REQUIREMENTS), context.knownRequirement());
            found.codes().forEach(code -> requirements.add(context.framework() + ":" + code));
            if (!found.unknown().isEmpty()) {
                found.unknown().forEach(u -> unknownRequirements.merge(u, 1, Integer::sum));
                cells.keep(Target.REQUIREMENTS, text);
            }
        }
        return requirements;
    }

    /** A verification with a date on a closed nonconformity (or a failed one) is an effectiveness review; else it is kept as text. */
    private Verification verification(Cells cells, Kind kind, Status status, TrackerValues.Verification verified, LocalDate verifiedOn,
            LocalDate closedOn) {
        if (verified.effective() == null || kind != Kind.NONCONFORMITY) {
            return null;
        }
        LocalDate on = verifiedOn != null ? verifiedOn : closedOn;
        if (on != null && (status == Status.CLOSED || !verified.effective())) {
            return new Verification(verified.effective(), on, verified.note());
        }
        cells.keep(Target.EFFECTIVENESS, verified.note());
        defaults.merge("verificationUndated", 1, Integer::sum);
        return null;
    }

    /** Once in the file, and not in the register already. */
    private String trackerReference(Cells cells) {
        String reference = blankToNull(cells.get(Target.REFERENCE));
        if (reference == null) {
            return null;
        }
        String key = reference.toLowerCase(Locale.ROOT);
        Integer first = inFile.putIfAbsent(key, cells.row.number());
        if (reference.length() > 100) {
            cells.problem(Target.REFERENCE, "The reference has more than 100 characters");
        } else if (first != null) {
            cells.problem(Target.REFERENCE, "The reference " + reference + " is also on row " + first + ": each record once");
        } else if (context.inRegister().containsKey(key)) {
            cells.problem(Target.REFERENCE, reference + " is in the register already, as " + context.inRegister().get(key)
                    + ": leave the row out, or undo the migration that brought it");
        }
        return reference;
    }

    /** The description column, then what the record keeps as text: the columns kept, the names matching nobody. */
    private String description(Cells cells, String description, String title) {
        for (int c = 0; c < context.mapping().size(); c++) {
            if (context.mapping().get(c) == Target.KEEP && !cells.row.cell(c).isBlank()) {
                cells.extra.append(header(c)).append(": ").append(cells.row.cell(c).strip()).append('\n');
            }
        }
        String full = (description + (description.isEmpty() || cells.extra.isEmpty() ? "" : "\n\n") + cells.extra.toString().strip()).strip();
        return full.isEmpty() ? title : full;
    }

    private void lengths(Cells cells, String fullDescription, String correctiveAction) {
        if (fullDescription.length() > 8000) {
            cells.problem(Target.DESCRIPTION, "The description and the kept columns have more than 8000 characters");
        }
        for (Target t : List.of(Target.ROOT_CAUSE, Target.CORRECTION)) {
            if (cells.get(t).length() > 4000) {
                cells.problem(t, "More than 4000 characters");
            }
        }
        if (correctiveAction != null && correctiveAction.length() > 4000) {
            cells.problem(Target.CORRECTIVE_ACTION, "More than 4000 characters");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String meaningOf(Target target, String text) {
        if (text == null || text.isEmpty() || !context.meaning().containsKey(target)) {
            return null;
        }
        return context.meaning().get(target).get(TrackerValues.valueKey(text));
    }

    private <T> T defaulted(String what, T value) {
        defaults.merge(what, 1, Integer::sum);
        return value;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
