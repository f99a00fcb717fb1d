package dev.ratchet.risk;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Risks counted per likelihood and impact under the criteria in force, open and accepted risks only. Rows run from
 * the highest likelihood down, as the map is drawn; risks assessed under other criteria whose scales differ are
 * counted apart.
 */
@Schema(name = "RiskHeatMap")
public record HeatMap(boolean inherent, List<Row> rows, List<String> impacts, long total, long outside) {

    @Schema(name = "RiskHeatMapRow")
    public record Row(int likelihood, String likelihoodName, List<Cell> cells) {
    }

    @Schema(name = "RiskHeatMapCell")
    public record Cell(int likelihood, int impact, int level, String levelName, long count) {
    }
}
