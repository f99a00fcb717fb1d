package dev.ratchet.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A year's audit programme: basis, approval and the audits planned, with its progress. */
public record ProgrammeView(UUID id, int year, String basis, int revision, String status, Integer approvedRevision,
        String approvedByName, Instant approvedAt, String approvalNote, List<AuditSummary> audits, long version) {

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    public long count(AuditStatus... statuses) {
        return audits.stream().filter(a -> List.of(statuses).contains(a.status())).count();
    }

    /** Audits reported or closed. */
    public long done() {
        return count(AuditStatus.REPORTED, AuditStatus.CLOSED);
    }

    /** Audits planned, cancelled ones aside. */
    public long active() {
        return audits.size() - count(AuditStatus.CANCELLED);
    }

    /** The share of the year's audits (cancelled ones aside) that are reported or closed, in per cent. */
    public int progress() {
        long planned = audits.size() - count(AuditStatus.CANCELLED);
        return planned == 0 ? 0 : (int) (100 * count(AuditStatus.REPORTED, AuditStatus.CLOSED) / planned);
    }
}
