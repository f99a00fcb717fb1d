package dev.ratchet.policy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.ratchet.policy.ExceptionForm;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A time-limited exception to a policy: what it covers, why, the risk and the compensating controls, and the plan to
 * end it. Approval is for this substance: changing it takes the approval away.
 */
@Entity
public class PolicyException implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    private UUID policyId;

    private String clause;

    private String scope;

    private String justification;

    private String risk;

    private String compensatingControls;

    private String actionPlan;

    @Column(updatable = false)
    private UUID requesterId;

    private UUID approverId;

    private Instant approvedAt;

    private LocalDate reviewDate;

    private LocalDate expiryDate;

    private Instant closedAt;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected PolicyException() {
    }

    public PolicyException(UUID organisationId, String reference, UUID requesterId, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.requesterId = requesterId;
        this.createdAt = now;
    }

    /** Writes the exception; when its substance changes after approval, the approval is withdrawn. */
    public boolean write(ExceptionForm form) {
        requireOpen();
        boolean changed = !Objects.equals(policyId, form.getPolicyId()) || !Objects.equals(clause, blankToNull(form.getClause()))
                || !Objects.equals(scope, form.getScope().strip()) || !Objects.equals(justification, form.getJustification().strip())
                || !Objects.equals(risk, form.getRisk().strip()) || !Objects.equals(compensatingControls, form.getCompensatingControls().strip())
                || !Objects.equals(actionPlan, form.getActionPlan().strip()) || !Objects.equals(expiryDate, form.getExpiryDate());
        this.policyId = form.getPolicyId();
        this.clause = blankToNull(form.getClause());
        this.scope = form.getScope().strip();
        this.justification = form.getJustification().strip();
        this.risk = form.getRisk().strip();
        this.compensatingControls = form.getCompensatingControls().strip();
        this.actionPlan = form.getActionPlan().strip();
        this.reviewDate = form.getReviewDate();
        this.expiryDate = form.getExpiryDate();
        boolean withdrawn = changed && approvedAt != null;
        if (changed) {
            this.approverId = null;
            this.approvedAt = null;
        }
        return withdrawn;
    }

    public void approve(UUID approver, Instant now) {
        requireOpen();
        if (approvedAt != null) {
            throw Refused.conflict("The exception is approved already");
        }
        this.approverId = approver;
        this.approvedAt = now;
    }

    public void close(Instant now) {
        requireOpen();
        this.closedAt = now;
    }

    private void requireOpen() {
        if (closedAt != null) {
            throw Refused.conflict("The exception is closed");
        }
    }

    public boolean expiredOn(LocalDate day) {
        return closedAt == null && expiryDate.isBefore(day);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public UUID getPolicyId() { return policyId; }
    public String getClause() { return clause; }
    public String getScope() { return scope; }
    public String getJustification() { return justification; }
    public String getRisk() { return risk; }
    public String getCompensatingControls() { return compensatingControls; }
    public String getActionPlan() { return actionPlan; }
    public UUID getRequesterId() { return requesterId; }
    public UUID getApproverId() { return approverId; }
    public Instant getApprovedAt() { return approvedAt; }
    public LocalDate getReviewDate() { return reviewDate; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
