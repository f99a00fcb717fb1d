package dev.ratchet.action;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action as planned: who, by when, and how success will be measured. The success criteria are fixed here and
 * later judged against, so they cannot be changed once planned.
 */
public record PlannedAction(String title, String description, UUID ownerId, LocalDate dueDate, String successCriteria) {
}
