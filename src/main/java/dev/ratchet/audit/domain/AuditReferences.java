package dev.ratchet.audit.domain;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** AUD-2026-03: numbered per organisation and programme year under a row lock, never given twice. */
@Component
public class AuditReferences {

    private final JdbcTemplate jdbc;

    AuditReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, int year) {
        jdbc.update("insert into audit_counter (organisation_id, counter_year, last_number) values (?, ?, 0) on conflict do nothing",
                organisationId, year);
        jdbc.update("update audit_counter set last_number = last_number + 1 where organisation_id = ? and counter_year = ?",
                organisationId, year);
        Integer number = jdbc.queryForObject("select last_number from audit_counter where organisation_id = ? and counter_year = ?",
                Integer.class, organisationId, year);
        return "AUD-%d-%02d".formatted(year, number);
    }
}
