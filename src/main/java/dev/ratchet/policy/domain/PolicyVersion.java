package dev.ratchet.policy.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.policy.VersionStatus;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One version of a policy's text (Markdown): a draft while it is worked on, locked once approved. */
@Entity
public class PolicyVersion implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID policyId;

    private int major;

    private int minor;

    @Enumerated(EnumType.STRING)
    private VersionStatus status;

    private String content;

    /** For the generated policy: the text as generated from the settings, to tell when practice has moved on. */
    private String generatedFrom;

    private String changeSummary;

    /** An uploaded file that is this version's text (the evidence module keeps it with its SHA-256). */
    private UUID fileId;

    private String fileName;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    private UUID approvedBy;

    private Instant approvedAt;

    @Version
    private long version;

    protected PolicyVersion() {
    }

    public PolicyVersion(Policy policy, int major, int minor, String content, String generatedFrom, String changeSummary,
            UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = policy.getOrganisationId();
        this.policyId = policy.getId();
        this.major = major;
        this.minor = minor;
        this.status = VersionStatus.DRAFT;
        this.content = content;
        this.generatedFrom = generatedFrom;
        this.changeSummary = changeSummary.strip();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A draft (or a version in review, which goes back to draft) takes new text; an approved version never does. */
    public void edit(String content, String generatedFrom, String changeSummary) {
        requireOpen();
        this.content = content;
        if (generatedFrom != null) {
            this.generatedFrom = generatedFrom;
        }
        this.changeSummary = changeSummary.strip();
        this.status = VersionStatus.DRAFT;
        this.fileId = null;
        this.fileName = null;
    }

    /** The version's text is an uploaded file; the content then names it. */
    public void attach(UUID fileId, String fileName) {
        requireOpen();
        this.fileId = fileId;
        this.fileName = fileName;
    }

    public void submit() {
        if (status != VersionStatus.DRAFT) {
            throw Refused.conflict("Only a draft is submitted for review; this version is " + status.label().toLowerCase());
        }
        this.status = VersionStatus.IN_REVIEW;
    }

    /** Approval numbers the version as the next major version and locks it. */
    public void approve(int major, UUID by, Instant now) {
        requireOpen();
        this.major = major;
        this.minor = 0;
        this.status = VersionStatus.APPROVED;
        this.approvedBy = by;
        this.approvedAt = now;
    }

    public void supersede() {
        this.status = VersionStatus.SUPERSEDED;
    }

    private void requireOpen() {
        if (status == VersionStatus.APPROVED || status == VersionStatus.SUPERSEDED) {
            throw Refused.conflict("Version " + number() + " is approved and locked: an edit makes a new draft version");
        }
    }

    public String number() {
        return major + "." + minor;
    }

    @Override
    public String historyParentId() { return policyId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getPolicyId() { return policyId; }
    public int getMajor() { return major; }
    public int getMinor() { return minor; }
    public VersionStatus getStatus() { return status; }
    public String getContent() { return content; }
    public String getGeneratedFrom() { return generatedFrom; }
    public String getChangeSummary() { return changeSummary; }
    public UUID getFileId() { return fileId; }
    public String getFileName() { return fileName; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public UUID getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public long getVersion() { return version; }
}
