package dev.ratchet.risk;

import java.util.UUID;

/**
 * The register's filters, all applied in the database. A heat map cell is a likelihood and an impact, of the current
 * rating or (with {@code inherent}) of the inherent one. {@code level} is the index of a level of the criteria in force.
 */
public record RiskFilter(RiskStatus status, UUID ownerId, String category, Integer level, Integer likelihood, Integer impact,
        boolean inherent, Treatment treatment, Boolean overdue, Boolean aboveAcceptance, String requirement, String q) {

    /**
     * The register's orders, each ending on the reference so that pages never overlap: level (the default: highest
     * current level first), reference, due (next re-assessment) or newest.
     */
    public static org.springframework.data.domain.Sort order(String by) {
        return switch (by == null || by.isBlank() ? "level" : by) {
            case "level" -> org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("currentLevel"),
                    org.springframework.data.domain.Sort.Order.asc("reference"));
            case "reference" -> org.springframework.data.domain.Sort.by("reference");
            case "due" -> org.springframework.data.domain.Sort.by("nextAssessmentDue", "reference");
            case "newest" -> org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("createdAt"),
                    org.springframework.data.domain.Sort.Order.desc("reference"));
            default -> throw dev.ratchet.shared.Refused.field("sort", "Sort by level, reference, due or newest");
        };
    }

    public static RiskFilter none() {
        return new RiskFilter(null, null, null, null, null, null, false, null, null, null, null, null);
    }
}
