package dev.ratchet.dashboard;

import java.time.LocalDate;
import java.util.List;

import dev.ratchet.action.ActionManagement;
import dev.ratchet.improvement.ImprovementDashboard;
import dev.ratchet.policy.PolicyManagement;

/** Everything the dashboard shows, with the link behind each figure. */
public record DashboardView(LocalDate today, ImprovementDashboard improvements, ActionManagement.Overview actions,
        Objectives objectives, Programme programme, Review review, PolicyManagement.ExceptionCounts exceptions,
        Chart bySource, Chart byGrade, Chart ageing, Chart closing) {

    /** A chart: labels, values, and where each bar leads (the register filtered to what it counts). */
    public record Chart(String title, List<String> labels, List<Number> values, List<String> links) {

        public String labelsJson() {
            return json(labels.stream().map(l -> "\"" + l.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList());
        }

        public String valuesJson() {
            return json(values.stream().map(v -> v == null ? "null" : v.toString()).toList());
        }

        public String linksJson() {
            return json(links.stream().map(l -> "\"" + l + "\"").toList());
        }

        public boolean empty() {
            return values.stream().allMatch(v -> v == null || v.doubleValue() == 0);
        }

        private static String json(List<String> items) {
            return "[" + String.join(",", items) + "]";
        }
    }

    public record Objectives(long active, long onTarget, long offTarget, long noData) {
    }

    public record Programme(int year, long planned, long reported, int progress, boolean approved, long requirements, long covered,
            long plannedCoverage, long gaps, List<FrameworkCoverage> frameworks) {

        public int coveragePercent() {
            return requirements == 0 ? 0 : (int) Math.round(100.0 * covered / requirements);
        }
    }

    /** One framework in scope over the certification cycle: audited itself (direct) and only through a mapping, apart. */
    public record FrameworkCoverage(String id, String name, long requirements, long covered, long mapped, long planned, long gaps) {

        public int directPercent() {
            return requirements == 0 ? 0 : (int) Math.round(100.0 * covered / requirements);
        }

        public int mappedPercent() {
            return requirements == 0 ? 0 : (int) Math.round(100.0 * mapped / requirements);
        }
    }

    /** The next management review and what it still needs. */
    public record Review(LocalDate nextDue, boolean overdue, java.util.UUID plannedId, String plannedReference, LocalDate plannedDate,
            List<String> missing) {
    }
}
