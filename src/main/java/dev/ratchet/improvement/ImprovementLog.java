package dev.ratchet.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the incident and corrective action log, exported as CSV or XLSX by {@code TableExport}. */
public final class ImprovementLog {

    public static final List<Column<LogRow>> COLUMNS = List.of(
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

    private ImprovementLog() {
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}
