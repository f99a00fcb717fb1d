package dev.ratchet.obligation;

import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the obligations register as exported (page and API) and imported. */
public final class ObligationColumns {

    public static final List<Column<ObligationSummary>> COLUMNS = List.of(
            new Column<>("Reference", ObligationSummary::reference),
            new Column<>("Name", ObligationSummary::name),
            new Column<>("Type", s -> s.type().label()),
            new Column<>("Jurisdiction", ObligationSummary::jurisdiction),
            new Column<>("Source", ObligationSummary::source),
            new Column<>("How it applies", ObligationSummary::howItApplies),
            new Column<>("Owner", ObligationSummary::ownerName),
            new Column<>("Next review", ObligationSummary::nextReviewDate),
            new Column<>("Requirements", ObligationSummary::requirements),
            new Column<>("Last reviewed", ObligationSummary::lastReviewedOn));

    private ObligationColumns() {
    }
}
