package dev.ratchet.action;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Waiting;
import dev.ratchet.shared.WaitingSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The owner's step: their open actions that are overdue or due within two weeks (reading a policy is one of them),
 * soonest due first. The rest are in "My actions".
 */
@Component
class ActionsWaiting implements WaitingSource {

    private final JdbcTemplate jdbc;

    ActionsWaiting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Waiting> waitingFor(Tenant tenant, LocalDate today) {
        return jdbc.query("""
                select id, origin_reference, title, due_date, origin_type from action_item
                where organisation_id = ? and owner_id = ? and status in ('OPEN', 'IN_PROGRESS') and due_date <= ?
                order by due_date, title fetch first 10 rows only""",
                (rs, i) -> new Waiting("POLICY_READ".equals(rs.getString(5)) ? "Read and acknowledge" : "Finish your action",
                        rs.getString(2), rs.getString(3), "/actions/mine#action-" + rs.getObject(1, UUID.class), rs.getObject(4, LocalDate.class)),
                tenant.organisationId(), tenant.userId(), today.plusDays(14));
    }
}
