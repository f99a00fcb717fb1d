package dev.ratchet.improvement.domain;

import java.time.Instant;
import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One judgement of whether a corrective action worked: kept for every attempt, the failed ones too. */
@Entity
public class EffectivenessReview implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID recordId;

    @Column(updatable = false)
    private int attempt;

    @Column(updatable = false)
    private UUID reviewerId;

    @Column(updatable = false)
    private String method;

    @Column(updatable = false)
    private String evidence;

    @Column(updatable = false)
    private boolean effective;

    @Column(updatable = false)
    private String independenceNote;

    @Column(updatable = false)
    private Instant reviewedAt;

    @Version
    private long version;

    protected EffectivenessReview() {
    }

    public EffectivenessReview(ImprovementRecord record, UUID reviewerId, String method, String evidence,
            boolean effective, String independenceNote, Instant now) {
        new Requirements("The effectiveness review")
                .text(method, "method", "how effectiveness was checked")
                .text(evidence, "evidence", "the evidence seen, against the success criteria set at planning").check();
        this.id = UUID.randomUUID();
        this.organisationId = record.getOrganisationId();
        this.recordId = record.getId();
        this.attempt = record.getAttempt();
        this.reviewerId = reviewerId;
        this.method = method.strip();
        this.evidence = evidence.strip();
        this.effective = effective;
        this.independenceNote = independenceNote == null || independenceNote.isBlank() ? null : independenceNote.strip();
        this.reviewedAt = now;
    }

    /** The verification an earlier tracker recorded, brought in with the record it belongs to. */
    public static EffectivenessReview migrated(ImprovementRecord record, UUID reviewerId, String evidence, boolean effective, Instant reviewedAt) {
        EffectivenessReview review = new EffectivenessReview();
        review.id = UUID.randomUUID();
        review.organisationId = record.getOrganisationId();
        review.recordId = record.getId();
        review.attempt = record.getAttempt();
        review.reviewerId = reviewerId;
        review.method = "Verified in the earlier tracker (migrated)";
        review.evidence = evidence;
        review.effective = effective;
        review.reviewedAt = reviewedAt;
        return review;
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }

    @Override
    public String historyParentId() { return recordId.toString(); }

    public UUID getId() { return id; }
    public UUID getRecordId() { return recordId; }
    public int getAttempt() { return attempt; }
    public UUID getReviewerId() { return reviewerId; }
    public String getMethod() { return method; }
    public String getEvidence() { return evidence; }
    public boolean isEffective() { return effective; }
    public String getIndependenceNote() { return independenceNote; }
    public Instant getReviewedAt() { return reviewedAt; }
}
