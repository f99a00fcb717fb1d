package dev.ratchet.risk;

import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the risk register as exported (page and API) and read back by the import. */
public final class RiskColumns {

    public static final List<Column<RiskSummary>> COLUMNS = List.of(
            new Column<>("Reference", RiskSummary::reference),
            new Column<>("Title", RiskSummary::title),
            new Column<>("Threat", RiskSummary::threat),
            new Column<>("Vulnerability", RiskSummary::vulnerability),
            new Column<>("Consequence", RiskSummary::consequence),
            new Column<>("Assets", RiskSummary::assets),
            new Column<>("Category", RiskSummary::category),
            new Column<>("Owner", RiskSummary::ownerName),
            new Column<>("Requirements", RiskSummary::requirements),
            new Column<>("Existing controls", RiskSummary::existingControls),
            new Column<>("Inherent likelihood", s -> s.inherent().likelihood()),
            new Column<>("Inherent impact", s -> s.inherent().impact()),
            new Column<>("Inherent level", s -> s.inherent().level().name()),
            new Column<>("Current likelihood", s -> s.current().likelihood()),
            new Column<>("Current impact", s -> s.current().impact()),
            new Column<>("Current level", s -> s.current().level().name()),
            new Column<>("Target level", s -> s.target().name()),
            new Column<>("Treatment", s -> s.treatment().label()),
            new Column<>("Status", s -> s.status().label()),
            new Column<>("Assessed on", RiskSummary::assessedOn),
            new Column<>("Next assessment", RiskSummary::nextAssessmentDue),
            new Column<>("Criteria version", RiskSummary::criteriaNumber));

    private RiskColumns() {
    }
}
