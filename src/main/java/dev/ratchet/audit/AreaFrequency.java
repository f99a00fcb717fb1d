package dev.ratchet.audit;

import java.time.LocalDate;
import java.util.UUID;

import dev.ratchet.organisation.AreaRisk;

/**
 * How often the programme proposes to audit an area: from its risk, shortened by the nonconformities that audits
 * of it found in the cycle; when it was last audited, and when it is due.
 */
public record AreaFrequency(UUID areaId, String name, AreaRisk risk, long majorFindings, long minorFindings,
        int intervalMonths, String reason, LocalDate lastAudited, LocalDate nextDue, LocalDate plannedFor,
        boolean overdue) {
}
