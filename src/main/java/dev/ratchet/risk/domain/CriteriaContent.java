package dev.ratchet.risk.domain;

import java.util.List;

import dev.ratchet.risk.AcceptedBy;
import tools.jackson.databind.json.JsonMapper;

/** What a version of the risk criteria says, checked by the service before it is stored. */
public record CriteriaContent(List<Point> likelihoods, List<Point> impacts, List<Level> levels, List<List<Integer>> matrix,
        int cadenceMonths, String reassessWhen) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Point(String name, String description) {
    }

    public record Level(String name, AcceptedBy acceptedBy) {
    }
}
