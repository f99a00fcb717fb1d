package dev.ratchet.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A stored piece of evidence; its bytes never change, so neither does its hash. */
@Entity
public class EvidenceFile implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String ownerType;

    @Column(updatable = false)
    private UUID ownerId;

    @Column(updatable = false)
    private String fileName;

    @Column(updatable = false)
    private String contentType;

    @Column(updatable = false)
    private long sizeBytes;

    @Column(updatable = false)
    private String sha256;

    private LocalDate evidenceDate;

    private String description;

    @Column(updatable = false)
    private UUID uploadedBy;

    @Column(updatable = false)
    private Instant uploadedAt;

    @Version
    private long version;

    protected EvidenceFile() {
    }

    public EvidenceFile(UUID organisationId, String ownerType, UUID ownerId, String fileName, String contentType,
            long sizeBytes, String sha256, LocalDate evidenceDate, String description, UUID uploadedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.evidenceDate = evidenceDate;
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }

    @Override
    public String historyParentId() { return ownerId.toString(); }

    public UUID getId() { return id; }
    public String getOwnerType() { return ownerType; }
    public UUID getOwnerId() { return ownerId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public LocalDate getEvidenceDate() { return evidenceDate; }
    public String getDescription() { return description; }
    public UUID getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
