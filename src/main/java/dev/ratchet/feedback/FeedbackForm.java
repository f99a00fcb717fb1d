package dev.ratchet.feedback;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Feedback as a form and an API body; party fields are for feedback from interested parties. */
public class FeedbackForm implements java.io.Serializable {

    @NotNull(message = "Say whether it is a concern, an idea, a complaint or a compliment")
    private FeedbackKind kind = FeedbackKind.CONCERN;

    @NotBlank(message = "Give it a short subject")
    @Size(max = 200, message = "The subject can have at most 200 characters")
    private String subject;

    @NotBlank(message = "Write the feedback")
    @Size(max = 8000, message = "The feedback can have at most 8000 characters")
    private String text;

    /** Hidden from everyone but the ISMS manager. */
    private boolean anonymous;

    private PartyType partyType = PartyType.MEMBER;

    @Size(max = 200, message = "The party can have at most 200 characters")
    private String partyName;

    private LocalDate receivedOn;

    private Long version;

    public FeedbackKind getKind() { return kind; }
    public void setKind(FeedbackKind kind) { this.kind = kind; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
    public PartyType getPartyType() { return partyType; }
    public void setPartyType(PartyType partyType) { this.partyType = partyType; }
    public String getPartyName() { return partyName; }
    public void setPartyName(String partyName) { this.partyName = partyName; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
