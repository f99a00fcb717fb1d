package dev.ratchet.improvement.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ratchet.improvement.RcaMethod;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The analysis of one corrective-action attempt (clause 10.2 b): kept when the attempt fails, so that the record, the
 * log and the record document show every attempt's review, root cause and method, not only the last.
 */
@Entity
@Table(name = "improvement_analysis")
public class RootCauseAnalysis implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID recordId;

    @Column(updatable = false)
    private int attempt;

    private String reviewSummary;

    @Enumerated(EnumType.STRING)
    private RcaMethod rcaMethod;

    private String rcaDetail;
    private String rcaExplanation;
    private String rootCause;
    private String similarRecords;
    private boolean couldOccurElsewhere;
    private String elsewhereJudgement;
    private Boolean correctiveActionNeeded;
    private String noActionJustification;
    private UUID analysedBy;
    private Instant analysedAt;

    @Version
    private long version;

    protected RootCauseAnalysis() {
    }

    /** The record's analysis as it stands after {@link ImprovementRecord#analyse}, for its current attempt. */
    public RootCauseAnalysis(ImprovementRecord record, UUID analysedBy) {
        this.id = UUID.randomUUID();
        this.organisationId = record.getOrganisationId();
        this.recordId = record.getId();
        this.attempt = record.getAttempt();
        copy(record, analysedBy);
    }

    /** Analysed again within the same attempt (before any action was planned): this attempt's analysis is the new one. */
    public void copy(ImprovementRecord record, UUID analysedBy) {
        if (record.getAttempt() != attempt || !record.getId().equals(recordId)) {
            throw new IllegalArgumentException("Another attempt's analysis");
        }
        this.reviewSummary = record.getReviewSummary();
        this.rcaMethod = record.getRcaMethod();
        this.rcaDetail = record.getRcaDetail();
        this.rcaExplanation = record.getRcaExplanation();
        this.rootCause = record.getRootCause();
        this.similarRecords = RecordIds.join(record.getSimilarRecords());
        this.couldOccurElsewhere = Boolean.TRUE.equals(record.getCouldOccurElsewhere());
        this.elsewhereJudgement = record.getElsewhereJudgement();
        this.correctiveActionNeeded = record.getCorrectiveActionNeeded();
        this.noActionJustification = record.getNoActionJustification();
        this.analysedBy = analysedBy;
        this.analysedAt = record.getAnalysedAt();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }

    @Override
    public String historyParentId() { return recordId.toString(); }

    public UUID getId() { return id; }
    public UUID getRecordId() { return recordId; }
    public int getAttempt() { return attempt; }
    public String getReviewSummary() { return reviewSummary; }
    public RcaMethod getRcaMethod() { return rcaMethod; }
    public String getRcaDetail() { return rcaDetail; }
    public String getRcaExplanation() { return rcaExplanation; }
    public String getRootCause() { return rootCause; }
    public List<UUID> getSimilarRecords() {
        return RecordIds.parse(similarRecords);
    }
    public boolean isCouldOccurElsewhere() { return couldOccurElsewhere; }
    public String getElsewhereJudgement() { return elsewhereJudgement; }
    public Boolean getCorrectiveActionNeeded() { return correctiveActionNeeded; }
    public String getNoActionJustification() { return noActionJustification; }
    public UUID getAnalysedBy() { return analysedBy; }
    public Instant getAnalysedAt() { return analysedAt; }
}
