package dev.ratchet.risk;

import java.util.Optional;
import java.util.UUID;

import dev.ratchet.change.ChangeManagement;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.incident.IncidentManagement;
import dev.ratchet.obligation.ObligationManagement;

import org.springframework.stereotype.Component;

/**
 * Finds a record of the improvement loop by its reference, asking the module that owns it (each answers for its own
 * organisation only): nonconformities, opportunities and audit findings, incidents, ISMS changes and obligations.
 */
@Component
class LoopRecords {

    record Record(String type, UUID id, String reference, String title) {
    }

    private final ImprovementManagement improvements;
    private final IncidentManagement incidents;
    private final ChangeManagement changes;
    private final ObligationManagement obligations;

    LoopRecords(ImprovementManagement improvements, IncidentManagement incidents, ChangeManagement changes, ObligationManagement obligations) {
        this.improvements = improvements;
        this.incidents = incidents;
        this.changes = changes;
        this.obligations = obligations;
    }

    Optional<Record> find(UUID organisationId, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        return improvements.byReference(organisationId, ref).map(l -> new Record("IMPROVEMENT", l.id(), l.reference(), l.title()))
                .or(() -> incidents.byReference(organisationId, ref).map(l -> new Record("INCIDENT", l.id(), l.reference(), l.title())))
                .or(() -> changes.byReference(organisationId, ref).map(l -> new Record("CHANGE", l.id(), l.reference(), l.title())))
                .or(() -> obligations.byReference(organisationId, ref).map(l -> new Record("OBLIGATION", l.id(), l.reference(), l.title())));
    }

    /** Where the nonconformities and opportunities among the records stand: status and corrective action's effectiveness. */
    java.util.Map<UUID, String> outcomes(UUID organisationId, java.util.Collection<UUID> improvementIds) {
        return improvements.outcomes(organisationId, improvementIds);
    }

    static String path(String type, UUID id) {
        return switch (type) {
            case "IMPROVEMENT" -> "/improvements/" + id;
            case "INCIDENT" -> "/incidents/" + id;
            case "CHANGE" -> "/changes/" + id;
            case "OBLIGATION" -> "/obligations/" + id;
            default -> null;
        };
    }
}
