package dev.ratchet.improvement.domain;

import java.util.UUID;

import dev.ratchet.improvement.Kind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * NC-2026-014: numbered per organisation, kind and year under a row lock, in the reporting transaction, so a
 * number is never given twice; a number whose record was rolled back is skipped, never reused.
 */
@Component
public class ReferenceNumbers {

    private final JdbcTemplate jdbc;

    ReferenceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organisationId, Kind kind, int year) {
        // Another report may start the year's counter at the same moment: then use theirs.
        jdbc.update("""
                insert into improvement_counter (organisation_id, prefix, counter_year, last_number) values (?, ?, ?, 0)
                on conflict do nothing""", organisationId, kind.prefix(), year);
        jdbc.update("update improvement_counter set last_number = last_number + 1 where organisation_id = ? and prefix = ? and counter_year = ?",
                organisationId, kind.prefix(), year);
        Integer number = jdbc.queryForObject(
                "select last_number from improvement_counter where organisation_id = ? and prefix = ? and counter_year = ?",
                Integer.class, organisationId, kind.prefix(), year);
        return format(kind, year, number);
    }

    public static String format(Kind kind, int year, int number) {
        return "%s-%d-%03d".formatted(kind.prefix(), year, number);
    }

    /**
     * Reserves {@code count} numbers of a year at once (a migration's); returns the first. In a transaction of its
     * own, committed at once: the counter's row is not locked for the length of the import, so reports of the same
     * organisation go on meanwhile. An import that fails leaves its numbers unused (skipped, never reused).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int reserve(UUID organisationId, Kind kind, int year, int count) {
        jdbc.update("""
                insert into improvement_counter (organisation_id, prefix, counter_year, last_number) values (?, ?, ?, 0)
                on conflict do nothing""", organisationId, kind.prefix(), year);
        jdbc.update("update improvement_counter set last_number = last_number + ? where organisation_id = ? and prefix = ? and counter_year = ?",
                count, organisationId, kind.prefix(), year);
        Integer last = jdbc.queryForObject(
                "select last_number from improvement_counter where organisation_id = ? and prefix = ? and counter_year = ?",
                Integer.class, organisationId, kind.prefix(), year);
        return last - count + 1;
    }
}
