package dev.ratchet.review.domain;

import java.util.UUID;

import dev.ratchet.shared.YearlyCounter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** MR-2026-02: numbered per organisation and year. */
@Component
public class ReviewReferences {

    private final YearlyCounter counter;

    ReviewReferences(JdbcTemplate jdbc) {
        this.counter = new YearlyCounter(jdbc, "review_counter");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, int year) {
        return "MR-%d-%02d".formatted(year, counter.next(organisationId, year));
    }
}
