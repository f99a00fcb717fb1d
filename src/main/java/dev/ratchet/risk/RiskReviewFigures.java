package dev.ratchet.risk;

import java.util.List;

/**
 * What the management review's input (f) shows of the risk register and the treatment plan, computed in the
 * database: risks by current level now and as they stood at the previous review, risks above the acceptance criteria,
 * treatment actions, acceptances ending or ended, and risks whose re-assessment is overdue.
 */
public record RiskReviewFigures(Integer criteriaVersion, List<LevelCount> byLevel, long aboveAcceptance, List<String> aboveAcceptanceRisks,
        long actionsOpen, long actionsOverdue, long actionsDone, long acceptancesInForce, long acceptancesExpiringSoon,
        long acceptancesExpired, long notReassessed, List<String> notReassessedRisks) {

    public record LevelCount(String level, long now, Long atPreviousReview) {
    }
}
