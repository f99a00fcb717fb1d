package dev.ratchet.change;

import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the ISMS change log, exported as CSV or XLSX by {@code TableExport} (page and evidence bundle). */
public final class ChangeLog {

    public static final List<Column<ChangeSummary>> COLUMNS = List.of(
            new Column<>("Reference", ChangeSummary::reference),
            new Column<>("Change", ChangeSummary::title),
            new Column<>("Reason", ChangeSummary::reason),
            new Column<>("Impact on the ISMS", ChangeSummary::impact),
            new Column<>("Planned date", ChangeSummary::plannedDate),
            new Column<>("Approver", ChangeSummary::approverName),
            new Column<>("Status", s -> s.status().label()),
            new Column<>("Approved on", ChangeSummary::approvedOn),
            new Column<>("Implemented on", ChangeSummary::implementedOn),
            new Column<>("Review", ChangeSummary::reviewNote),
            new Column<>("Cause", ChangeSummary::causeReference));

    private ChangeLog() {
    }
}
