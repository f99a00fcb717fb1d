package dev.ratchet.improvement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analysis of one corrective-action attempt (clause 10.2 b): the review of the nonconformity, the root cause with
 * its method's working, the similar records and the judgement whether it could occur elsewhere, and how the attempt
 * ended ({@code effective} is null while its effectiveness is not reviewed yet).
 */
public record AnalysisView(int attempt, String reviewSummary, RcaMethod method, List<String> whys,
        Map<String, String> fishbone, String faultTree, String explanation, String rootCause,
        List<ImprovementView.Link> similarRecords, boolean couldOccurElsewhere, String elsewhereJudgement,
        Boolean correctiveActionNeeded, String noActionJustification, String analysedByName, Instant analysedAt,
        Boolean effective) {

    /** The method's working as one text: the chain of whys, the fishbone's causes by category, or the fault tree. */
    public String working() {
        if (method == null) {
            return "";
        }
        return switch (method) {
            case FIVE_WHYS -> {
                StringBuilder chain = new StringBuilder();
                for (int i = 0; i < whys.size(); i++) {
                    chain.append(i == 0 ? "" : "\n").append("Why ").append(i + 1).append(": ").append(whys.get(i));
                }
                yield chain.toString();
            }
            case FISHBONE -> new java.util.TreeMap<>(fishbone).entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
            case FAULT_TREE -> faultTree == null ? "" : faultTree;
        };
    }

    /** The similar records by reference, as the log and the record document name them. */
    public String similarReferences() {
        return similarRecords.stream().map(l -> l.reference() + " " + l.title()).collect(Collectors.joining("; "));
    }

    /** How the attempt ended, in words. */
    public String outcome() {
        if (Boolean.FALSE.equals(correctiveActionNeeded)) {
            return "No corrective action needed";
        }
        return effective == null ? "Effectiveness not reviewed yet" : effective ? "Effective" : "Not effective";
    }
}
