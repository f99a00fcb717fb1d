package dev.ratchet.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Tenant;
import dev.ratchet.shared.Waiting;
import dev.ratchet.shared.WaitingSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The chair's step: minutes of a review held (the meeting started) that wait for approval. */
@Component
class ReviewsWaiting implements WaitingSource {

    private final JdbcTemplate jdbc;

    ReviewsWaiting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Waiting> waitingFor(Tenant tenant, LocalDate today) {
        return jdbc.query("""
                select r.id, r.reference, r.title, r.planned_date from management_review r
                join review_team t on t.organisation_id = r.organisation_id
                where r.organisation_id = ? and t.chair_id = ? and r.status = 'IN_MEETING'
                order by r.planned_date""",
                (rs, i) -> new Waiting("Approve the minutes", rs.getString(2), rs.getString(3), "/reviews/" + rs.getObject(1, UUID.class),
                        null), tenant.organisationId(), tenant.userId());
    }
}
