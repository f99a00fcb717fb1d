package dev.ratchet.audit.domain;

import java.util.UUID;

import dev.ratchet.shared.YearlyCounter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** AUD-2026-03: numbered per organisation and programme year, never given twice. */
@Component
public class AuditReferences {

    private final YearlyCounter counter;

    AuditReferences(JdbcTemplate jdbc) {
        this.counter = new YearlyCounter(jdbc, "audit_counter");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, int year) {
        return "AUD-%d-%02d".formatted(year, counter.next(organisationId, year));
    }
}
