package dev.ratchet.improvement.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One migration of an earlier tracker: which file and sheet, what came in, who brought it, and whether it was undone. */
@Entity
public class TrackerImport implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID uploadId;

    @Column(updatable = false)
    private String fileName;

    @Column(updatable = false)
    private String sheetName;

    private int recordCount;
    private int actionCount;
    private int reviewCount;

    @Column(updatable = false)
    private UUID importedBy;

    @Column(updatable = false)
    private Instant importedAt;

    private UUID undoneBy;
    private Instant undoneAt;

    @Version
    private long version;

    protected TrackerImport() {
    }

    public TrackerImport(UUID organisationId, UUID uploadId, String fileName, String sheetName, UUID importedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.uploadId = uploadId;
        this.fileName = fileName;
        this.sheetName = sheetName == null ? null : sheetName.length() > 100 ? sheetName.substring(0, 100) : sheetName;
        this.importedBy = importedBy;
        this.importedAt = now;
    }

    public void counted(int records, int actions, int reviews) {
        this.recordCount = records;
        this.actionCount = actions;
        this.reviewCount = reviews;
    }

    /** Marks the migration undone; its records are removed by the caller in the same transaction. */
    public void undo(UUID by, Instant now, Instant deadline) {
        if (undoneAt != null) {
            throw Refused.conflict("This migration was undone already");
        }
        if (now.isAfter(deadline)) {
            throw Refused.conflict("A migration can be undone for a limited time after it was imported; that time is over. Change or"
                    + " reject the records one by one instead");
        }
        this.undoneBy = by;
        this.undoneAt = now;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getUploadId() { return uploadId; }
    public String getFileName() { return fileName; }
    public String getSheetName() { return sheetName; }
    public int getRecordCount() { return recordCount; }
    public int getActionCount() { return actionCount; }
    public int getReviewCount() { return reviewCount; }
    public UUID getImportedBy() { return importedBy; }
    public Instant getImportedAt() { return importedAt; }
    public UUID getUndoneBy() { return undoneBy; }
    public Instant getUndoneAt() { return undoneAt; }
    public long getVersion() { return version; }
}
