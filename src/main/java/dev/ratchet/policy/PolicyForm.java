package dev.ratchet.policy;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A policy's register entry and, when it is created, the text of its first draft (Markdown). */
public class PolicyForm implements java.io.Serializable {

    @NotBlank(message = "Give the policy a title, such as \"Access Control Policy\"")
    @Size(max = 200, message = "The title can have at most 200 characters")
    private String title;

    private UUID ownerId;

    /** Who approves its versions; without one, top management (the MANAGEMENT role) does. */
    private UUID approverId;

    @Size(max = 40, message = "The classification can have at most 40 characters")
    private String classification = "Internal";

    @Min(value = 1, message = "Review the policy at least every 36 months and at most every month")
    @Max(value = 36, message = "Review the policy at least every 36 months and at most every month")
    private int reviewMonths = 12;

    /** The first draft's text, in Markdown; ignored for the generated policy. */
    @Size(max = 200_000, message = "The text can have at most 200,000 characters")
    private String content;

    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public UUID getApproverId() { return approverId; }
    public void setApproverId(UUID approverId) { this.approverId = approverId; }
    public String getClassification() { return classification; }
    public void setClassification(String classification) { this.classification = classification; }
    public int getReviewMonths() { return reviewMonths; }
    public void setReviewMonths(int reviewMonths) { this.reviewMonths = reviewMonths; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
