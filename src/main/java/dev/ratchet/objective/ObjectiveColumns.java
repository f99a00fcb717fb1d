package dev.ratchet.objective;

import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the objectives and of their measurements (the measurement import reads them back), as exported. */
public final class ObjectiveColumns {

    public static final List<Column<ObjectiveSummary>> COLUMNS = List.of(
            new Column<>("Reference", ObjectiveSummary::reference),
            new Column<>("Objective", ObjectiveSummary::title),
            new Column<>("Measure", ObjectiveSummary::measure),
            new Column<>("Target", ObjectiveSummary::targetText),
            new Column<>("Frequency", s -> s.frequency().label()),
            new Column<>("Owner", ObjectiveSummary::ownerName),
            new Column<>("Status", ObjectiveSummary::status),
            new Column<>("Latest measurement", ObjectiveSummary::latestOn),
            new Column<>("Latest value", ObjectiveSummary::latestValue),
            new Column<>("On target", s -> s.onTarget() == null ? "No data" : s.onTarget() ? "Yes" : "No"),
            new Column<>("Periods off target", ObjectiveSummary::periodsOffTarget));
    public static final List<Column<MeasurementRow>> MEASUREMENT_COLUMNS = List.of(
            new Column<>("Objective", MeasurementRow::objective),
            new Column<>("Date", MeasurementRow::date),
            new Column<>("Value", r -> r.value().stripTrailingZeros().toPlainString()),
            new Column<>("Comment", MeasurementRow::comment));

    private ObjectiveColumns() {
    }
}
