package dev.ratchet.feedback;

import java.util.List;

import dev.ratchet.tabular.Column;

/** The columns of the feedback register as exported (page and API) and imported. */
public final class FeedbackColumns {

    public static final List<Column<FeedbackSummary>> COLUMNS = List.of(
            new Column<>("Reference", FeedbackSummary::reference),
            new Column<>("Received", FeedbackSummary::receivedOn),
            new Column<>("Kind", s -> s.kind().label()),
            new Column<>("From", FeedbackSummary::from),
            new Column<>("Party type", s -> s.partyType() == null ? null : s.partyType().label()),
            new Column<>("Subject", FeedbackSummary::subject),
            new Column<>("Feedback", FeedbackSummary::text),
            new Column<>("Status", s -> s.status().label()),
            new Column<>("Reply", FeedbackSummary::reply));

    private FeedbackColumns() {
    }
}
