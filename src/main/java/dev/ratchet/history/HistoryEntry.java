package dev.ratchet.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change to one record, as the history shows it. */
public record HistoryEntry(long sequence, String recordType, String recordId, Action action, UUID actorId,
        String actorName, Instant occurredAt, List<Change> changes) {

    public enum Action { CREATE, UPDATE, DELETE }
}
