package dev.ratchet.incident;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the incident register as exported (page and API) and imported: CSV or XLSX by {@code TableExport}. */
public final class IncidentColumns {

    public static final List<Column<IncidentSummary>> COLUMNS = List.of(
            new Column<>("Reference", IncidentSummary::reference),
            new Column<>("Title", IncidentSummary::title),
            new Column<>("Occurred", s -> moment(s.occurredAt())),
            new Column<>("Detected", s -> moment(s.detectedAt())),
            new Column<>("Resolved", s -> moment(s.resolvedAt())),
            new Column<>("Category", s -> s.category().label()),
            new Column<>("Severity", s -> s.severity().label()),
            new Column<>("Affected assets", IncidentSummary::affectedAssets),
            new Column<>("Areas", IncidentSummary::areas),
            new Column<>("Summary", IncidentSummary::summary),
            new Column<>("Response", IncidentSummary::response),
            new Column<>("Lessons learned", IncidentSummary::lessonsLearned));

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A wall-clock time of the organisation as the import reads it back. */
    public static String moment(OffsetDateTime time) {
        return time == null ? null : MOMENT.format(time);
    }

    private IncidentColumns() {
    }
}
