package dev.ratchet.risk;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A draft of the risk criteria as a form and an API body. Rows left blank at the end of a scale or of the levels are
 * dropped (the page offers five rows for each scale and six for the levels); the service checks the rest.
 */
@Schema(name = "RiskCriteriaForm")
public class RiskCriteriaForm implements java.io.Serializable {

    @Schema(description = "The likelihood scale, lowest first: 3 to 5 points")
    private List<@Valid Point> likelihoods = new ArrayList<>();

    @Schema(description = "The impact scale, lowest first: 3 to 5 points")
    private List<@Valid Point> impacts = new ArrayList<>();

    @Schema(description = "The risk levels, lowest first (2 to 6), each with who may accept a risk at that level")
    private List<@Valid Level> levels = new ArrayList<>();

    @Schema(description = "The risk matrix: one row per likelihood point (lowest first), one cell per impact point (lowest "
            + "first), each the index of a level (0 = the first, lowest level)")
    private List<List<Integer>> matrix = new ArrayList<>();

    @NotNull(message = "Say how often each risk is re-assessed, in months")
    @Min(value = 1, message = "Re-assess at least every 36 months and at most every month")
    @Max(value = 36, message = "Re-assess at least every 36 months and at most every month")
    private Integer cadenceMonths;

    @Size(max = 2000, message = "This can have at most 2000 characters")
    @Schema(description = "When a risk is re-assessed besides the cadence, such as on a significant change")
    private String reassessWhen;

    @Schema(description = "The version of the draft edited; empty when no draft is stored yet")
    private Long version;

    public static class Point implements java.io.Serializable {
        @Size(max = 60, message = "A name can have at most 60 characters")
        private String name;
        @Size(max = 600, message = "A description can have at most 600 characters")
        private String description;

        public Point() {
        }

        public Point(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }

        boolean blank() {
            return (name == null || name.isBlank()) && (description == null || description.isBlank());
        }
    }

    public static class Level implements java.io.Serializable {
        @Size(max = 60, message = "A name can have at most 60 characters")
        private String name;
        private AcceptedBy acceptedBy;

        public Level() {
        }

        public Level(String name, AcceptedBy acceptedBy) {
            this.name = name;
            this.acceptedBy = acceptedBy;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public AcceptedBy getAcceptedBy() { return acceptedBy; }
        public void setAcceptedBy(AcceptedBy acceptedBy) { this.acceptedBy = acceptedBy; }

        boolean blank() {
            return name == null || name.isBlank();
        }
    }

    public List<Point> getLikelihoods() { return likelihoods; }
    public void setLikelihoods(List<Point> likelihoods) { this.likelihoods = likelihoods; }
    public List<Point> getImpacts() { return impacts; }
    public void setImpacts(List<Point> impacts) { this.impacts = impacts; }
    public List<Level> getLevels() { return levels; }
    public void setLevels(List<Level> levels) { this.levels = levels; }
    public List<List<Integer>> getMatrix() { return matrix; }
    public void setMatrix(List<List<Integer>> matrix) { this.matrix = matrix; }
    public Integer getCadenceMonths() { return cadenceMonths; }
    public void setCadenceMonths(Integer cadenceMonths) { this.cadenceMonths = cadenceMonths; }
    public String getReassessWhen() { return reassessWhen; }
    public void setReassessWhen(String reassessWhen) { this.reassessWhen = reassessWhen; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
