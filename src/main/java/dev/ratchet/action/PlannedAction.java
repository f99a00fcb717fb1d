package dev.ratchet.action;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action as planned: who, by when, and how success will be measured. The success criteria are fixed here and
 * later judged against, so they cannot be changed once planned. {@code dueAt}, when set, is a deadline to the minute
 * (a regulator's 24 hours): the action is escalated as soon as it passes, not days after its due date.
 */
public record PlannedAction(String title, String description, UUID ownerId, LocalDate dueDate, String successCriteria,
        java.time.Instant dueAt) {

    public PlannedAction(String title, String description, UUID ownerId, LocalDate dueDate, String successCriteria) {
        this(title, description, ownerId, dueDate, successCriteria, null);
    }
}
