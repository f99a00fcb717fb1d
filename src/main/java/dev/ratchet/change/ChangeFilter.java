package dev.ratchet.change;

import java.time.LocalDate;

/** The change log's filters, all optional. */
public record ChangeFilter(ChangeStatus status, LocalDate plannedFrom, LocalDate plannedTo, String text) {
}
