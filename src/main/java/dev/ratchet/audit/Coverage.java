package dev.ratchet.audit;

import java.util.List;
import java.util.UUID;

/**
 * The catalogue against the audits of a certification cycle (three years): for each requirement and year, the
 * worst result found, or planned, and whether the requirement was deliberately left out of the cycle.
 */
public record Coverage(String frameworkId, String frameworkName, List<Integer> years, List<Group> groups,
        long covered, long planned, long excluded, long gaps) {

    public long total() {
        return covered + planned + excluded + gaps;
    }

    public int coveredPercent() {
        return total() == 0 ? 0 : (int) (100 * (covered + excluded) / total());
    }

    public record Group(String code, String title, List<Row> rows) {
    }

    public enum State { COVERED, PLANNED, EXCLUDED, GAP }

    public record Row(String requirement, String code, String title, List<Cell> cells, State state,
            UUID exclusionId, String exclusionReason, long exclusionVersion) {
    }

    /** One year: the worst result recorded (null when not audited that year), or planned in an open audit. */
    public record Cell(int year, LineResult result, boolean planned, List<String> audits) {

        public boolean empty() {
            return result == null && !planned;
        }
    }
}
