package dev.ratchet.improvement.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.improvement.RcaMethod;
import tools.jackson.databind.json.JsonMapper;

/** What the analysis of a nonconformity found, with the root cause analysis in the structure of its method. */
public record Analysis(String reviewSummary, RcaMethod method, List<String> whys, Map<String, String> fishbone,
        String faultTree, String explanation, String rootCause, List<UUID> similarRecords, Boolean couldOccurElsewhere,
        String elsewhereJudgement, Boolean correctiveActionNeeded, String noActionJustification) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Analysis {
        whys = whys == null ? List.of() : whys.stream().filter(w -> w != null && !w.isBlank()).map(String::strip).toList();
        Map<String, String> causes = new LinkedHashMap<>();
        if (fishbone != null) {
            fishbone.forEach((category, cause) -> {
                if (cause != null && !cause.isBlank()) {
                    causes.put(category, cause.strip());
                }
            });
        }
        fishbone = Map.copyOf(causes);
        similarRecords = similarRecords == null ? List.of() : List.copyOf(similarRecords);
    }

    /** The method's structure as stored: the chain of whys, the fishbone's categories, or the fault tree. */
    String detailJson() {
        Object detail = switch (method) {
            case FIVE_WHYS -> Map.of("whys", whys);
            case FISHBONE -> Map.of("fishbone", new java.util.TreeMap<>(fishbone));
            case FAULT_TREE -> Map.of("faultTree", faultTree.strip());
        };
        return JSON.writeValueAsString(detail);
    }
}
