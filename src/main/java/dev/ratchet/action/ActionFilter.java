package dev.ratchet.action;

import java.time.LocalDate;
import java.util.UUID;

/** The tracker's filters; blank means "any". {@code dueFrom}/{@code dueTo} give a due window. */
public record ActionFilter(UUID ownerId, ActionStatus status, boolean openOnly, Boolean overdue, LocalDate dueFrom,
        LocalDate dueTo, String originType, UUID areaId) {
}
