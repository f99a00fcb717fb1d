package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Waiting;
import dev.ratchet.shared.WaitingSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Effectiveness reviews that are due (10.2 d): recorded by the ISMS manager or an auditor, so they wait for everyone
 * holding one of those roles, soonest due first.
 */
@Component
class EffectivenessWaiting implements WaitingSource {

    private final JdbcTemplate jdbc;

    EffectivenessWaiting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Waiting> waitingFor(Tenant tenant, LocalDate today) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER", "AUDITOR")) {
            return List.of();
        }
        return jdbc.query("""
                select id, reference, title, effectiveness_due from improvement_record
                where organisation_id = ? and status = 'EFFECTIVENESS_REVIEW' and effectiveness_due <= ?
                order by effectiveness_due, reference fetch first 10 rows only""",
                (rs, i) -> new Waiting("Review whether the corrective action was effective", rs.getString(2), rs.getString(3),
                        "/improvements/" + rs.getObject(1, UUID.class), rs.getObject(4, LocalDate.class)),
                tenant.organisationId(), today);
    }
}
