package dev.ratchet.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Waiting;
import dev.ratchet.shared.WaitingSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approver's step: policy versions sent for review that this person approves, as the named approver or, where a
 * policy names none, as top management. (Reading a policy is an action in the person's list, listed with the actions.)
 */
@Component
class PoliciesWaiting implements WaitingSource {

    private final JdbcTemplate jdbc;

    PoliciesWaiting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Waiting> waitingFor(Tenant tenant, LocalDate today) {
        return jdbc.query("""
                select p.id, p.reference, p.title from policy p
                where p.organisation_id = ? and (p.approver_id = ? or (p.approver_id is null and ?))
                  and exists (select 1 from policy_version v where v.policy_id = p.id and v.status = 'IN_REVIEW')
                order by p.reference fetch first 10 rows only""",
                (rs, i) -> new Waiting("Approve the policy version in review", rs.getString(2), rs.getString(3),
                        "/policies/" + rs.getObject(1, UUID.class), null),
                tenant.organisationId(), tenant.userId(), tenant.hasAnyRole("MANAGEMENT"));
    }
}
