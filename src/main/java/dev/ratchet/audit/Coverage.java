package dev.ratchet.audit;

import java.util.List;
import java.util.UUID;

/**
 * A framework against the audits of a certification cycle (three years): for each requirement and year, the worst
 * result found, or planned, and whether the requirement was deliberately left out of the cycle. Direct evidence (the
 * requirement audited itself) and mapped evidence (not audited itself, but a requirement of another framework mapped to
 * it was) are counted apart: {@code covered} and {@code mapped}.
 */
public record Coverage(String frameworkId, String frameworkName, List<Integer> years, List<Group> groups,
        long covered, long mapped, long planned, long excluded, long gaps) {

    public long total() {
        return covered + mapped + planned + excluded + gaps;
    }

    /** Audited itself or deliberately left out. */
    public int coveredPercent() {
        return total() == 0 ? 0 : (int) (100 * (covered + excluded) / total());
    }

    /** Audited itself, through a mapped requirement, or deliberately left out. */
    public int withMappedPercent() {
        return total() == 0 ? 0 : (int) (100 * (covered + mapped + excluded) / total());
    }

    public record Group(String code, String title, List<Row> rows) {
    }

    /** {@code MAPPED}: not audited itself in the cycle, but a requirement mapped to it was ({@code mappedFrom}). */
    public enum State { COVERED, MAPPED, PLANNED, EXCLUDED, GAP }

    public record Row(String requirement, String code, String title, List<Cell> cells, State state,
            UUID exclusionId, String exclusionReason, long exclusionVersion, List<String> mappedFrom) {
    }

    /** One year: the worst result recorded (null when not audited that year), or planned in an open audit. */
    public record Cell(int year, LineResult result, boolean planned, List<String> audits) {

        public boolean empty() {
            return result == null && !planned;
        }
    }
}
