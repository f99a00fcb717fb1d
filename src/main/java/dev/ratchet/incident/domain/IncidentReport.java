package dev.ratchet.incident.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.incident.ReportStage;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One report an incident owes an authority (NIS2 or DORA): its deadline, the action tracking it, and when it was sent. */
@Entity
public class IncidentReport implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReportStage.Regime regime;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReportStage stage;

    @Column(updatable = false)
    private int position;

    private Instant dueAt;

    private UUID actionId;

    private Instant sentAt;

    private UUID sentBy;

    private String sentNote;

    @Version
    private long version;

    protected IncidentReport() {
    }

    public IncidentReport(UUID organisationId, UUID incidentId, ReportStage stage, Instant dueAt) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.incidentId = incidentId;
        this.regime = stage.regime();
        this.stage = stage;
        this.position = stage.ordinal();
        this.dueAt = dueAt;
    }

    public void tracked(UUID actionId) {
        this.actionId = actionId;
    }

    public void due(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public void sent(Instant at, UUID by, String note, Instant now) {
        if (sentAt != null) {
            throw Refused.conflict("The " + stage.label().toLowerCase() + " is already recorded as sent");
        }
        if (at == null) {
            throw Refused.field("sentAt", "Say when the report was sent");
        }
        if (at.isAfter(now.plusSeconds(60))) {
            throw Refused.field("sentAt", "A report cannot be sent in the future");
        }
        if (note != null && note.strip().length() > 2000) {
            throw Refused.field("note", "A note has at most 2000 characters");
        }
        this.sentAt = at;
        this.sentBy = by;
        this.sentNote = note == null || note.isBlank() ? null : note.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getIncidentId() { return incidentId; }
    public ReportStage.Regime getRegime() { return regime; }
    public ReportStage getStage() { return stage; }
    public int getPosition() { return position; }
    public Instant getDueAt() { return dueAt; }
    public UUID getActionId() { return actionId; }
    public Instant getSentAt() { return sentAt; }
    public UUID getSentBy() { return sentBy; }
    public String getSentNote() { return sentNote; }
    public long getVersion() { return version; }
}
