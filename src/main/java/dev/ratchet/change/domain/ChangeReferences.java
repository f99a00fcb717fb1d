package dev.ratchet.change.domain;

import java.util.UUID;

import dev.ratchet.shared.YearlyCounter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** CHG-2026-004: numbered per organisation and year; an imported change keeps its own reference. */
@Component
public class ChangeReferences {

    private final YearlyCounter counter;

    ChangeReferences(JdbcTemplate jdbc) {
        this.counter = new YearlyCounter(jdbc, "change_counter");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, int year) {
        return "CHG-%d-%03d".formatted(year, counter.next(organisationId, year));
    }
}
