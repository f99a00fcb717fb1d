package dev.ratchet.feedback.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.feedback.FeedbackForm;
import dev.ratchet.feedback.FeedbackKind;
import dev.ratchet.feedback.FeedbackStatus;
import dev.ratchet.feedback.PartyType;
import dev.ratchet.shared.OrganisationScoped;
import dev.ratchet.shared.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One piece of feedback and how it was dealt with. */
@Entity
public class Feedback implements OrganisationScoped {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID organisationId;

    @Column(updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    private FeedbackKind kind;

    private String subject;

    @Column(name = "feedback_text")
    private String text;

    private boolean anonymous;

    @Enumerated(EnumType.STRING)
    private PartyType partyType;

    private String partyName;

    private LocalDate receivedOn;

    @Column(updatable = false)
    private UUID submittedBy;

    @Enumerated(EnumType.STRING)
    private FeedbackStatus status;

    private String reply;

    private UUID handledBy;

    private Instant handledAt;

    private UUID improvementId;

    @Version
    private long version;

    protected Feedback() {
    }

    public Feedback(UUID organisationId, String reference, UUID submittedBy) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.reference = reference;
        this.submittedBy = submittedBy;
        this.status = FeedbackStatus.NEW;
    }

    public Feedback describe(FeedbackForm form, LocalDate receivedOn) {
        if (status != FeedbackStatus.NEW) {
            throw Refused.conflict("Feedback that has been dealt with keeps its text");
        }
        this.kind = form.getKind();
        this.subject = form.getSubject().strip();
        this.text = form.getText().strip();
        this.partyType = form.getPartyType() == null ? PartyType.MEMBER : form.getPartyType();
        this.anonymous = partyType == PartyType.MEMBER && form.isAnonymous();
        this.partyName = partyType == PartyType.MEMBER || form.getPartyName() == null || form.getPartyName().isBlank() ? null : form.getPartyName().strip();
        this.receivedOn = receivedOn;
        return this;
    }

    public void triaged(UUID improvementId, UUID by, Instant now) {
        requireNew();
        this.status = FeedbackStatus.TRIAGED;
        this.improvementId = improvementId;
        this.handledBy = by;
        this.handledAt = now;
    }

    public void close(String reply, UUID by, Instant now) {
        requireNew();
        if (reply == null || reply.isBlank()) {
            throw Refused.missing("Closing the feedback", Map.of("reply", "a reply that says what was decided and why"));
        }
        this.status = FeedbackStatus.CLOSED;
        this.reply = reply.strip();
        this.handledBy = by;
        this.handledAt = now;
    }

    private void requireNew() {
        if (status != FeedbackStatus.NEW) {
            throw Refused.conflict("This feedback has been dealt with already: " + status.label().toLowerCase());
        }
    }

    @Override
    public UUID getOrganisationId() { return organisationId; }
    public UUID getId() { return id; }
    public String getReference() { return reference; }
    public FeedbackKind getKind() { return kind; }
    public String getSubject() { return subject; }
    public String getText() { return text; }
    public boolean isAnonymous() { return anonymous; }
    public PartyType getPartyType() { return partyType; }
    public String getPartyName() { return partyName; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public UUID getSubmittedBy() { return submittedBy; }
    public FeedbackStatus getStatus() { return status; }
    public String getReply() { return reply; }
    public UUID getHandledBy() { return handledBy; }
    public Instant getHandledAt() { return handledAt; }
    public UUID getImprovementId() { return improvementId; }
    public long getVersion() { return version; }
}
