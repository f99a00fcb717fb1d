package dev.ratchet.incident.domain;

import java.util.UUID;

import dev.ratchet.shared.YearlyCounter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** INC-2026-007: numbered per organisation and year; an imported incident keeps its own reference. */
@Component
public class IncidentReferences {

    private final YearlyCounter counter;

    IncidentReferences(JdbcTemplate jdbc) {
        this.counter = new YearlyCounter(jdbc, "incident_counter");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, int year) {
        return "INC-%d-%03d".formatted(year, counter.next(organisationId, year));
    }
}
