package dev.ratchet.policy.domain;

import java.util.UUID;

import dev.ratchet.shared.YearlyCounter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** POL-03 (numbered per organisation) and EXC-2026-04 (per organisation and year). */
@Component
public class PolicyReferences {

    private final YearlyCounter counter;

    PolicyReferences(JdbcTemplate jdbc) {
        this.counter = new YearlyCounter(jdbc, "policy_counter");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String nextPolicy(UUID organisationId) {
        return "POL-%02d".formatted(counter.next(organisationId, 0));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String nextException(UUID organisationId, int year) {
        return "EXC-%d-%02d".formatted(year, counter.next(organisationId, year));
    }
}
