package dev.ratchet.audit.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditLineRepository extends JpaRepository<AuditLine, UUID> {

    List<AuditLine> findByAuditIdOrderByPosition(UUID auditId);

    Optional<AuditLine> findByIdAndAuditIdAndOrganisationId(UUID id, UUID auditId, UUID organisationId);

    /** Rows of audit id, result (null: not assessed yet) and count. */
    @Query("select l.auditId, l.result, count(l) from AuditLine l where l.organisationId = :organisationId and l.auditId in :auditIds group by l.auditId, l.result")
    List<Object[]> countByResult(UUID organisationId, Collection<UUID> auditIds);

    /** Rows of requirement, the audit's planned start, result, audit status and reference, for the coverage matrix. */
    @Query("""
            select l.requirement, a.plannedStart, l.result, a.status, a.reference from AuditLine l, Audit a
            where a.id = l.auditId and l.organisationId = :organisationId and a.organisationId = :organisationId
              and a.status <> dev.ratchet.audit.AuditStatus.CANCELLED and a.plannedStart between :from and :to""")
    List<Object[]> coverage(UUID organisationId, LocalDate from, LocalDate to);
}
