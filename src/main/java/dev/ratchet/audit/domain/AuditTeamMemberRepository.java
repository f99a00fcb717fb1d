package dev.ratchet.audit.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditTeamMemberRepository extends JpaRepository<AuditTeamMember, UUID> {

    List<AuditTeamMember> findByAuditIdOrderByLeadDescIdAsc(UUID auditId);

    List<AuditTeamMember> findByAuditIdIn(Collection<UUID> auditIds);
}
