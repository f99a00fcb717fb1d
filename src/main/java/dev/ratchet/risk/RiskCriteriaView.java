package dev.ratchet.risk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** One version of the risk criteria. */
@Schema(name = "RiskCriteria")
public record RiskCriteriaView(
        @Schema(description = "Empty for the defaults Ratchet proposes before a draft is saved") UUID id,
        int number, CriteriaStatus status, List<Point> likelihoods, List<Point> impacts, List<Level> levels,
        @Schema(description = "One row per likelihood point (lowest first), one cell per impact point (lowest first): the level's index")
        List<List<Integer>> matrix,
        int cadenceMonths, String reassessWhen, Instant createdAt, Instant approvedAt, String approvedByName, String approvalNote,
        long version) {

    @Schema(name = "RiskScalePoint")
    public record Point(int value, String name, String description) {
    }

    @Schema(name = "RiskLevel")
    public record Level(int index, String name, AcceptedBy acceptedBy) {
    }

    /** The level of a likelihood and an impact, both counted from 1. */
    public Level levelOf(int likelihood, int impact) {
        return levels.get(matrix.get(likelihood - 1).get(impact - 1));
    }

    public boolean fits(int likelihood, int impact) {
        return likelihood >= 1 && likelihood <= likelihoods.size() && impact >= 1 && impact <= impacts.size();
    }

    public Level level(int index) {
        return index >= 0 && index < levels.size() ? levels.get(index) : new Level(index, "Level " + (index + 1), AcceptedBy.NOBODY);
    }

    public String likelihoodName(int value) {
        return value >= 1 && value <= likelihoods.size() ? likelihoods.get(value - 1).name() : String.valueOf(value);
    }

    public String impactName(int value) {
        return value >= 1 && value <= impacts.size() ? impacts.get(value - 1).name() : String.valueOf(value);
    }

    /** The likelihood points highest first, as the heat map's rows read from top to bottom. */
    public List<Point> likelihoodsHighFirst() {
        List<Point> reversed = new java.util.ArrayList<>(likelihoods);
        java.util.Collections.reverse(reversed);
        return reversed;
    }
}
