package dev.ratchet.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** New text for a policy: it goes into the open draft, or into a new draft when the latest version is approved. */
public class ContentForm implements java.io.Serializable {

    @NotBlank(message = "Write the policy's text")
    @Size(max = 200_000, message = "The text can have at most 200,000 characters")
    private String content;

    @NotBlank(message = "Say what changed, for the version table")
    @Size(max = 2000, message = "What changed can have at most 2000 characters")
    private String changeSummary;

    private Long version;

    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getChangeSummary() { return changeSummary; }
    public void setChangeSummary(String changeSummary) { this.changeSummary = changeSummary; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
