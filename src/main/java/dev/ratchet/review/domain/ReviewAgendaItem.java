package dev.ratchet.review.domain;

import java.util.UUID;

import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.OrganisationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * One item of a review's agenda: an input of clause 9.3.2 (code a to g) or an item the organisation added (no
 * code), with the minutes' mark whether it was discussed and the notes (the reason, when it was not).
 */
@Entity
public class ReviewAgendaItem implements OrganisationScoped, HistoryChild {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private UUID reviewId;

    private int position;

    @Column(updatable = false)
    private String inputCode;

    private String title;

    private Boolean discussed;

    private String notes;

    @Version
    private long version;

    protected ReviewAgendaItem() {
    }

    public ReviewAgendaItem(ManagementReview review, int position, String inputCode, String title) {
        this.id = UUID.randomUUID();
        this.organisationId = review.getOrganisationId();
        this.reviewId = review.getId();
        this.position = position;
        this.inputCode = inputCode;
        this.title = title.strip();
    }

    public void minute(Boolean discussed, String notes) {
        this.discussed = discussed;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    @Override
    public String historyParentId() { return reviewId.toString(); }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public UUID getReviewId() { return reviewId; }
    public int getPosition() { return position; }
    public String getInputCode() { return inputCode; }
    public String getTitle() { return title; }
    public Boolean getDiscussed() { return discussed; }
    public String getNotes() { return notes; }
    public long getVersion() { return version; }
}
