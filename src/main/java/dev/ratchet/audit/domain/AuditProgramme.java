package dev.ratchet.audit.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A year's audit programme: its basis and its approval. A versioned document: every change to the basis or to
 * the audits planned after an approval opens a new revision, which needs approving again.
 */
@Entity
public class AuditProgramme implements OrganisationScoped {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private int programmeYear;

    private String basis;

    private int revision;

    private String status;

    private Integer approvedRevision;

    private UUID approvedBy;

    private Instant approvedAt;

    private String approvalNote;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AuditProgramme() {
    }

    public AuditProgramme(UUID organisationId, int year, String basis, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.programmeYear = year;
        this.basis = basis;
        this.revision = 1;
        this.status = DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void describe(String basis) {
        if (basis == null || basis.isBlank()) {
            throw Refused.field("basis", "Say what the programme is based on: the importance of the processes, the results of earlier audits, risk");
        }
        if (!basis.strip().equals(this.basis)) {
            this.basis = basis.strip();
            changed();
        }
    }

    /** The plan changed: an approved programme becomes the draft of its next revision. */
    public void changed() {
        if (APPROVED.equals(status)) {
            status = DRAFT;
            revision++;
            approvedBy = null;
            approvedAt = null;
            approvalNote = null;
        }
    }

    public void approve(UUID approver, String note, Instant now) {
        if (APPROVED.equals(status)) {
            throw Refused.conflict("Revision " + revision + " is approved already");
        }
        this.status = APPROVED;
        this.approvedRevision = revision;
        this.approvedBy = approver;
        this.approvedAt = now;
        this.approvalNote = note == null || note.isBlank() ? null : note.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public int getProgrammeYear() { return programmeYear; }
    public String getBasis() { return basis; }
    public int getRevision() { return revision; }
    public String getStatus() { return status; }
    public Integer getApprovedRevision() { return approvedRevision; }
    public UUID getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovalNote() { return approvalNote; }
    public long getVersion() { return version; }
}
