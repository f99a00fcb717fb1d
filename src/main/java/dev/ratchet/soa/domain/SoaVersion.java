package dev.ratchet.soa.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.soa.VersionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An approved version of the Statement of Applicability: its rows as approved (JSON), locked. */
@Entity
public class SoaVersion implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    private VersionStatus status;

    @Column(updatable = false)
    private UUID approvedBy;

    @Column(updatable = false)
    private Instant approvedAt;

    @Column(updatable = false)
    private String note;

    @Column(updatable = false)
    private int applicable;

    @Column(updatable = false)
    private int excluded;

    @Column(updatable = false)
    private int implemented;

    /** The rows as approved; its hash is what the history keeps. */
    @Column(updatable = false)
    @HistoryIgnored
    private byte[] rowsJson;

    @Version
    private long version;

    protected SoaVersion() {
    }

    public SoaVersion(UUID organisationId, int number, UUID approvedBy, String note, int applicable, int excluded, int implemented,
            byte[] rowsJson, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.number = number;
        this.status = VersionStatus.APPROVED;
        this.approvedBy = approvedBy;
        this.approvedAt = now;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.applicable = applicable;
        this.excluded = excluded;
        this.implemented = implemented;
        this.rowsJson = rowsJson;
    }

    public void supersede() {
        this.status = VersionStatus.SUPERSEDED;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public int getNumber() { return number; }
    public VersionStatus getStatus() { return status; }
    public UUID getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getNote() { return note; }
    public int getApplicable() { return applicable; }
    public int getExcluded() { return excluded; }
    public int getImplemented() { return implemented; }
    public byte[] getRowsJson() { return rowsJson; }
}
