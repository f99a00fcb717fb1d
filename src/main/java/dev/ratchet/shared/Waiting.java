package dev.ratchet.shared;

import java.time.LocalDate;

/**
 * Something that waits for one person: minutes to approve, a policy version or a change to approve, an effectiveness
 * review to record, an action to finish. Each module says what waits in its records; the start page lists them.
 *
 * @param what the step asked of the person, as a verb phrase ("Approve the minutes")
 * @param due the date it is due by, if there is one
 */
public record Waiting(String what, String reference, String title, String link, LocalDate due) {
}
