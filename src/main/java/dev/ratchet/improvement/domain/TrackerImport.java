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

    private String sheetName;

    /** QUEUED, RUNNING, DONE or FAILED; the progress columns are written by the running job outside the entity. */
    @dev.ratchet.shared.HistoryIgnored
    private String status;

    @dev.ratchet.shared.HistoryIgnored
    private String step;

    @dev.ratchet.shared.HistoryIgnored
    private int done;

    @dev.ratchet.shared.HistoryIgnored
    private int total;

    @dev.ratchet.shared.HistoryIgnored
    private String error;

    @Column(updatable = false)
    @dev.ratchet.shared.HistoryIgnored
    private String settings;

    @dev.ratchet.shared.HistoryIgnored
    private int attempts;

    @dev.ratchet.shared.HistoryIgnored
    private Instant heartbeatAt;

    private Instant finishedAt;

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

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** A migration to run in the background, with the preview's choices (as JSON) and the rows it will read. */
    public static TrackerImport queued(UUID organisationId, UUID uploadId, String fileName, UUID importedBy, Instant now, String settings,
            int rows) {
        TrackerImport migration = new TrackerImport(organisationId, uploadId, fileName, null, importedBy, now);
        migration.status = QUEUED;
        migration.step = "Waiting to start";
        migration.settings = settings;
        migration.total = rows;
        return migration;
    }

    public TrackerImport(UUID organisationId, UUID uploadId, String fileName, String sheetName, UUID importedBy, Instant now) {
        this.status = RUNNING;
        this.step = "Importing";
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.uploadId = uploadId;
        this.fileName = fileName;
        this.sheetName = sheetName == null ? null : sheetName.length() > 100 ? sheetName.substring(0, 100) : sheetName;
        this.importedBy = importedBy;
        this.importedAt = now;
    }

    /** The migration has come in, with these counts. */
    public void finished(String sheetName, int records, int actions, int reviews, Instant now) {
        this.sheetName = sheetName == null ? null : sheetName.length() > 100 ? sheetName.substring(0, 100) : sheetName;
        this.recordCount = records;
        this.actionCount = actions;
        this.reviewCount = reviews;
        this.status = DONE;
        this.step = "Imported";
        this.done = records;
        this.total = records;
        this.finishedAt = now;
    }

    /** Marks the migration undone; its records are removed by the caller in the same transaction. */
    public void undo(UUID by, Instant now, Instant deadline) {
        if (undoneAt != null) {
            throw Refused.conflict("This migration was undone already");
        }
        if (!DONE.equals(status)) {
            throw Refused.conflict("Only a migration that came in can be undone; this one is " + status.toLowerCase(java.util.Locale.ROOT));
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
    public String getStatus() { return status; }
    public String getStep() { return step; }
    public int getDone() { return done; }
    public int getTotal() { return total; }
    public String getError() { return error; }
    public String getSettings() { return settings; }
    public Instant getFinishedAt() { return finishedAt; }
}
