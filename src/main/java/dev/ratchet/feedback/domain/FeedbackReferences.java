package dev.ratchet.feedback.domain;

import java.util.UUID;

import dev.ratchet.shared.YearlyCounter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** FB-2026-012: numbered per organisation and year. */
@Component
public class FeedbackReferences {

    private final YearlyCounter counter;

    FeedbackReferences(JdbcTemplate jdbc) {
        this.counter = new YearlyCounter(jdbc, "feedback_counter");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, int year) {
        return "FB-%d-%03d".formatted(year, counter.next(organisationId, year));
    }
}
