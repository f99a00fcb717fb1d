package dev.ratchet.audit.domain;

import java.util.UUID;

import dev.ratchet.audit.LineResult;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One line of an audit's checklist: a requirement in scope, what was found against it, and the finding raised. */
@Entity
public class AuditLine implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID auditId;

    private int position;

    @Column(updatable = false)
    private String requirement;

    @Enumerated(EnumType.STRING)
    private LineResult result;

    private String notes;

    private String evidenceSeen;

    private UUID improvementId;

    @Version
    private long version;

    protected AuditLine() {
    }

    public AuditLine(Audit audit, int position, String requirement) {
        this.id = UUID.randomUUID();
        this.organisationId = audit.getOrganisationId();
        this.auditId = audit.getId();
        this.position = position;
        this.requirement = requirement;
    }

    public void record(LineResult result, String notes, String evidenceSeen) {
        if (improvementId != null && result != this.result) {
            throw Refused.field("result", "A finding has been raised from this line: its result stays. Correct the improvement record instead.");
        }
        this.result = result;
        this.notes = blankToNull(notes);
        this.evidenceSeen = blankToNull(evidenceSeen);
    }

    public void raised(UUID improvementId) {
        this.improvementId = improvementId;
    }

    public void moveTo(int position) {
        this.position = position;
    }

    /** Has something been recorded on it, so that it cannot just disappear from the scope. */
    public boolean isWorkedOn() {
        return result != null || notes != null || evidenceSeen != null || improvementId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String historyParentId() { return auditId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getAuditId() { return auditId; }
    public int getPosition() { return position; }
    public String getRequirement() { return requirement; }
    public LineResult getResult() { return result; }
    public String getNotes() { return notes; }
    public String getEvidenceSeen() { return evidenceSeen; }
    public UUID getImprovementId() { return improvementId; }
    public long getVersion() { return version; }
}
