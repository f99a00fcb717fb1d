package dev.ratchet.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a risk is and who owns it, as a form and an API body. Its levels change only by an assessment. */
@Schema(name = "RiskForm")
public class RiskForm implements java.io.Serializable {

    @NotBlank(message = "Give the risk a short title, such as \"Customer data exposed through a lost laptop\"")
    @Size(max = 200, message = "The title can have at most 200 characters")
    private String title;

    @NotBlank(message = "Say what could happen: the threat or event")
    @Size(max = 4000, message = "This can have at most 4000 characters")
    @Schema(description = "What could happen: the threat or event")
    private String threat;

    @Size(max = 4000, message = "This can have at most 4000 characters")
    @Schema(description = "The weakness the threat would exploit")
    private String vulnerability;

    @NotBlank(message = "Say what the consequence would be")
    @Size(max = 4000, message = "This can have at most 4000 characters")
    private String consequence;

    @Size(max = 1000, message = "This can have at most 1000 characters")
    @Schema(description = "The information assets or processes affected")
    private String assets;

    private UUID areaId;

    @NotNull(message = "Name the risk owner: the person accountable for managing the risk")
    private UUID ownerId;

    @Size(max = 60, message = "The category can have at most 60 characters")
    private String category;

    @Schema(description = "Requirements and Annex A controls concerned, as framework:code (iso27001-2022:A.8.13) or a code alone")
    private List<String> requirements = new ArrayList<>();

    @Size(max = 4000, message = "This can have at most 4000 characters")
    private String existingControls;

    @NotNull(message = "Choose the treatment option")
    private Treatment treatment = Treatment.MODIFY;

    @Schema(description = "The risk's version when changing it; not used when recording a new risk")
    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getThreat() { return threat; }
    public void setThreat(String threat) { this.threat = threat; }
    public String getVulnerability() { return vulnerability; }
    public void setVulnerability(String vulnerability) { this.vulnerability = vulnerability; }
    public String getConsequence() { return consequence; }
    public void setConsequence(String consequence) { this.consequence = consequence; }
    public String getAssets() { return assets; }
    public void setAssets(String assets) { this.assets = assets; }
    public UUID getAreaId() { return areaId; }
    public void setAreaId(UUID areaId) { this.areaId = areaId; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public List<String> getRequirements() { return requirements; }
    public void setRequirements(List<String> requirements) { this.requirements = requirements == null ? new ArrayList<>() : requirements; }
    public String getExistingControls() { return existingControls; }
    public void setExistingControls(String existingControls) { this.existingControls = existingControls; }
    public Treatment getTreatment() { return treatment; }
    public void setTreatment(Treatment treatment) { this.treatment = treatment; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
