package dev.ratchet.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An incident's classification for NIS2 and DORA and the reports it owes, with their deadlines in the organisation's
 * time zone, the action tracking each, and when each was sent. {@code nis2InScope}, {@code doraInScope}: whether the
 * organisation answers to them (classification is offered only then).
 */
public record IncidentReportView(UUID incidentId, OffsetDateTime awareAt, boolean nis2Significant, boolean doraMajor,
        List<DoraCriterion> doraCriteria, OffsetDateTime classifiedAt, String classifiedByName, boolean nis2InScope,
        boolean doraInScope, List<Report> reports, long incidentVersion) {

    public record Report(UUID id, ReportStage.Regime regime, ReportStage stage, String label, String rule, String requirement,
            OffsetDateTime dueAt, UUID actionId, OffsetDateTime sentAt, String sentByName, String sentNote, boolean late,
            boolean overdue, long version) {
    }

    public boolean classified() {
        return nis2Significant || doraMajor;
    }
}
