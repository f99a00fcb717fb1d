package dev.ratchet.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.evidence.EvidenceView;

/** An audit with its team, checklist and findings: what its page, its report and the API show. */
public record AuditView(UUID id, String reference, String title, AuditType type, CertificationStage certificationStage,
        String certificationBody, String party, String contractReference, String objectives, String criteria,
        List<Named> areas, LocalDate plannedStart, LocalDate plannedEnd, AuditStatus status, String cancelReason,
        String conclusion, Instant startedAt, Instant reportedAt, Instant closedAt, UUID programmeId, int programmeYear,
        List<TeamMember> team, List<Line> lines, Map<LineResult, Long> results, long notAssessed,
        List<String> reportBlockers, long version) {

    public record Named(UUID id, String name) {
    }

    /** An auditor, with the areas in scope they own or work in and the justification for auditing them anyway. */
    public record TeamMember(UUID id, UUID userId, String name, String organisation, boolean external, boolean lead,
            List<String> conflicts, String justification, long version) {
    }

    public record Line(UUID id, int position, String requirement, String code, String requirementTitle,
            LineResult result, String notes, String evidenceSeen, UUID improvementId, String improvementReference,
            String improvementStatus, List<EvidenceView> attachments, long version) {

        /** A nonconformity or opportunity whose improvement record has not been raised yet. */
        public boolean awaitsFinding() {
            return result != null && result.finding() != null && improvementId == null;
        }
    }

    public String lead() {
        return team.stream().filter(TeamMember::lead).map(TeamMember::name).findFirst().orElse(null);
    }

    /** Team members who audit an area they own or work in, by override. */
    public List<TeamMember> overrides() {
        return team.stream().filter(m -> !m.conflicts().isEmpty()).toList();
    }

    public List<Line> findings() {
        return lines.stream().filter(l -> l.result() != null && l.result().finding() != null).toList();
    }

    public long count(LineResult result) {
        return results.getOrDefault(result, 0L);
    }
}
