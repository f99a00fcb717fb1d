package dev.ratchet.organisation.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The organisation's logo for its documents; the history keeps its name, type, size and SHA-256, not the bytes. */
@Entity
public class OrganisationLogo implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    private String fileName;

    private String contentType;

    private int sizeBytes;

    private String sha256;

    @HistoryIgnored
    private byte[] content;

    private UUID uploadedBy;

    private Instant uploadedAt;

    @Version
    private long version;

    protected OrganisationLogo() {
    }

    public OrganisationLogo(UUID organisationId) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
    }

    public void replace(String fileName, String contentType, byte[] content, String sha256, UUID by, Instant at) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedBy = by;
        this.uploadedAt = at;
    }

    public UUID getId() { return id; }
    @Override
    public UUID getOrganisationId() { return organisationId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public int getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public byte[] getContent() { return content; }
    public UUID getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public long getVersion() { return version; }
}
