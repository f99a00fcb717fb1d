package dev.ratchet.improvement.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import dev.ratchet.improvement.LogRow;
import dev.ratchet.tabular.Column;
import dev.ratchet.tabular.TableExport;

/** The incident and corrective action log as CSV or XLSX (see {@link TableExport}). */
final class LogExport {

    static final List<Column<LogRow>> COLUMNS = List.of(
            new Column<>("Reference", LogRow::reference),
            new Column<>("Kind", r -> r.kind().label()),
            new Column<>("Grade", r -> r.grade() == null ? null : r.grade().label()),
            new Column<>("Status", r -> r.status().label()),
            new Column<>("Title", LogRow::title),
            new Column<>("Description", LogRow::description),
            new Column<>("Source", r -> r.source().label()),
            new Column<>("Source reference", LogRow::sourceReference),
            new Column<>("Area or process", LogRow::area),
            new Column<>("Owner", LogRow::owner),
            new Column<>("Raised by", LogRow::raisedBy),
            new Column<>("Raised on", r -> date(r.raisedAt())),
            new Column<>("Target date", LogRow::targetDate),
            new Column<>("Requirements", LogRow::requirements),
            new Column<>("Correction", LogRow::correction),
            new Column<>("Consequences dealt with", LogRow::consequences),
            new Column<>("Contained on", r -> date(r.containedAt())),
            new Column<>("Root cause method", r -> r.rcaMethod() == null ? null : r.rcaMethod().label()),
            new Column<>("Root cause", LogRow::rootCause),
            new Column<>("Corrective action needed", r -> r.correctiveActionNeeded() == null ? null : r.correctiveActionNeeded() ? "Yes" : "No"),
            new Column<>("Actions", LogRow::actions),
            new Column<>("Effectiveness review", LogRow::effectiveness),
            new Column<>("Changes to the ISMS", LogRow::ismsChanges),
            new Column<>("Closed on", r -> date(r.closedAt())));

    private LogExport() {
    }

    static void csv(Consumer<Consumer<LogRow>> rows, OutputStream out) throws IOException {
        TableExport.csv(COLUMNS, rows, out);
    }

    static void xlsx(Consumer<Consumer<LogRow>> rows, OutputStream out) throws IOException {
        TableExport.xlsx("Improvement log", COLUMNS, rows, out);
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}
