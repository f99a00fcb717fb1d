package dev.ratchet.risk.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ratchet.risk.CriteriaStatus;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * One version of an organisation's risk criteria. A draft can change; approving it locks it and supersedes the
 * version in force; a later change is a new draft. The scales, levels and matrix are kept as JSON written by
 * {@link CriteriaContent}, so the history shows each version's content as it was.
 */
@Entity
public class RiskCriteria implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    private CriteriaStatus status;

    private String likelihoods;

    private String impacts;

    private String levels;

    private String matrix;

    private int cadenceMonths;

    private String reassessWhen;

    @Column(updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private UUID createdBy;

    private Instant approvedAt;

    private UUID approvedBy;

    private String approvalNote;

    @Version
    private long version;

    protected RiskCriteria() {
    }

    public RiskCriteria(UUID organisationId, int number, CriteriaContent content, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.number = number;
        this.status = CriteriaStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
        write(content);
    }

    public void revise(CriteriaContent content) {
        requireDraft();
        write(content);
    }

    public void approve(UUID by, String note, Instant now) {
        requireDraft();
        this.status = CriteriaStatus.APPROVED;
        this.approvedBy = by;
        this.approvedAt = now;
        this.approvalNote = note == null || note.isBlank() ? null : note.strip();
    }

    public void supersede() {
        if (status != CriteriaStatus.APPROVED) {
            throw Refused.conflict("Only the version in force is superseded");
        }
        this.status = CriteriaStatus.SUPERSEDED;
    }

    private void requireDraft() {
        if (status != CriteriaStatus.DRAFT) {
            throw Refused.conflict("Version " + number + " of the risk criteria is " + status.label().toLowerCase(java.util.Locale.ROOT)
                    + " and locked: start a new version to change the criteria");
        }
    }

    private void write(CriteriaContent content) {
        this.likelihoods = CriteriaContent.JSON.writeValueAsString(content.likelihoods());
        this.impacts = CriteriaContent.JSON.writeValueAsString(content.impacts());
        this.levels = CriteriaContent.JSON.writeValueAsString(content.levels());
        this.matrix = CriteriaContent.JSON.writeValueAsString(content.matrix());
        this.cadenceMonths = content.cadenceMonths();
        this.reassessWhen = content.reassessWhen();
    }

    public CriteriaContent content() {
        return new CriteriaContent(
                List.of(CriteriaContent.JSON.readValue(likelihoods, CriteriaContent.Point[].class)),
                List.of(CriteriaContent.JSON.readValue(impacts, CriteriaContent.Point[].class)),
                List.of(CriteriaContent.JSON.readValue(levels, CriteriaContent.Level[].class)),
                List.of(CriteriaContent.JSON.readValue(matrix, int[][].class)).stream()
                        .map(row -> java.util.Arrays.stream(row).boxed().toList()).toList(),
                cadenceMonths, reassessWhen);
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public int getNumber() { return number; }
    public CriteriaStatus getStatus() { return status; }
    public int getCadenceMonths() { return cadenceMonths; }
    public Instant getCreatedAt() { return createdAt; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public UUID getApprovedBy() { return approvedBy; }
    public String getApprovalNote() { return approvalNote; }
    public long getVersion() { return version; }
}
