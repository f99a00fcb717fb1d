package dev.ratchet.shared;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The next number of a per-organisation, per-year counter table (organisation_id, counter_year, last_number), taken
 * under the row's lock in the caller's transaction: a number is never given twice, and one whose record was rolled
 * back is skipped, never reused.
 */
public final class YearlyCounter {

    private final JdbcTemplate jdbc;
    private final String table;

    /** {@code table} is a constant of the calling module, never user input. */
    public YearlyCounter(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    public int next(UUID organisationId, int year) {
        // Another transaction may start the year's counter at the same moment: then use theirs.
        jdbc.update("insert into " + table + " (organisation_id, counter_year, last_number) values (?, ?, 0) on conflict do nothing",
                organisationId, year);
        jdbc.update("update " + table + " set last_number = last_number + 1 where organisation_id = ? and counter_year = ?",
                organisationId, year);
        Integer number = jdbc.queryForObject("select last_number from " + table + " where organisation_id = ? and counter_year = ?",
                Integer.class, organisationId, year);
        return number;
    }
}
