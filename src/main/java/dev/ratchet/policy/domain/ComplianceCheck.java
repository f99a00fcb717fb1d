package dev.ratchet.policy.domain;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.policy.CheckForm;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A recurring check that a policy is followed: what is checked, how, how often and by whom. */
@Entity
public class ComplianceCheck implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID policyId;

    private String title;

    private String method;

    private int frequencyMonths;

    private UUID ownerId;

    private LocalDate nextDue;

    private boolean active;

    @Version
    private long version;

    protected ComplianceCheck() {
    }

    public ComplianceCheck(UUID organisationId, UUID policyId) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.policyId = policyId;
        this.active = true;
    }

    public void define(CheckForm form) {
        this.title = form.getTitle().strip();
        this.method = form.getMethod().strip();
        this.frequencyMonths = form.getFrequencyMonths();
        this.ownerId = form.getOwnerId();
        this.nextDue = form.getFirstDue();
    }

    /** A result was recorded on this day: the next check falls one interval later. */
    public void checked(LocalDate on) {
        LocalDate next = on.plusMonths(frequencyMonths);
        if (next.isAfter(nextDue)) {
            this.nextDue = next;
        }
    }

    @Override
    public String historyParentId() { return policyId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getPolicyId() { return policyId; }
    public String getTitle() { return title; }
    public String getMethod() { return method; }
    public int getFrequencyMonths() { return frequencyMonths; }
    public UUID getOwnerId() { return ownerId; }
    public LocalDate getNextDue() { return nextDue; }
    public boolean isActive() { return active; }
    public long getVersion() { return version; }
}
