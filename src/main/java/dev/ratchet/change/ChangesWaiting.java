package dev.ratchet.change;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Waiting;
import dev.ratchet.shared.WaitingSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The approver's step: planned changes to the ISMS that name this person as their approver. */
@Component
class ChangesWaiting implements WaitingSource {

    private final JdbcTemplate jdbc;

    ChangesWaiting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Waiting> waitingFor(Tenant tenant, LocalDate today) {
        return jdbc.query("""
                select id, reference, title, planned_date from isms_change
                where organisation_id = ? and approver_id = ? and status = 'PLANNED'
                order by planned_date fetch first 10 rows only""",
                (rs, i) -> new Waiting("Approve or reject the change", rs.getString(2), rs.getString(3),
                        "/changes/" + rs.getObject(1, UUID.class), rs.getObject(4, LocalDate.class)), tenant.organisationId(), tenant.userId());
    }
}
