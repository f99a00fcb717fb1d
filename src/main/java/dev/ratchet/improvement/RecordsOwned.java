package dev.ratchet.improvement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.OpenWork;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The open nonconformities and opportunities a person owns, for their page once their access has ended. */
@Component
class RecordsOwned implements OpenWork {

    private final JdbcTemplate jdbc;

    RecordsOwned(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> openWorkOf(UUID organisationId, UUID userId) {
        return jdbc.query("""
                select id, reference, title, target_date from improvement_record
                where organisation_id = ? and owner_id = ? and status not in ('CLOSED', 'REJECTED') order by reference""",
                (rs, i) -> new Item("Record", rs.getString(2), rs.getString(3), "/improvements/" + rs.getObject(1, UUID.class),
                        rs.getObject(4, LocalDate.class)),
                organisationId, userId);
    }
}
