package dev.ratchet.improvement;

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
            new Column<>("Raised on", LogRow::raisedOn),
            new Column<>("Target date", LogRow::targetDate),
            new Column<>("Requirements", LogRow::requirements),
            new Column<>("Correction", LogRow::correction),
            new Column<>("Consequences dealt with", LogRow::consequences),
            new Column<>("Contained on", LogRow::containedOn),
            new Column<>("Review of the nonconformity", LogRow::reviewSummary),
            new Column<>("Root cause method", r -> r.rcaMethod() == null ? null : r.rcaMethod().label()),
            new Column<>("Root cause analysis", LogRow::rcaWorking),
            new Column<>("Root cause", LogRow::rootCause),
            new Column<>("Similar records", LogRow::similarRecords),
            new Column<>("Could occur elsewhere", r -> yesNo(r.couldOccurElsewhere())),
            new Column<>("Similar nonconformities elsewhere", LogRow::elsewhereJudgement),
            new Column<>("Corrective action needed", r -> yesNo(r.correctiveActionNeeded())),
            new Column<>("Analyses by attempt", LogRow::analyses),
            new Column<>("Actions", LogRow::actions),
            new Column<>("Effectiveness review", LogRow::effectiveness),
            new Column<>("Changes to the ISMS", LogRow::ismsChanges),
            new Column<>("Evaluation", r -> r.evaluation() == null ? null : r.evaluation().label()),
            new Column<>("Evaluation reason", LogRow::evaluationReason),
            new Column<>("Deferred until", LogRow::deferredUntil),
            new Column<>("Benefit realised", LogRow::benefitRealised),
            new Column<>("Closed on", LogRow::closedOn));

    private ImprovementLog() {
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }
}
