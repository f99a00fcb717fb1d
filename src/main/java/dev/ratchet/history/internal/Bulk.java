package dev.ratchet.history.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ratchet.history.HistoryEntry;

/**
 * The history entries of bulk work on this thread, gathered (their changes already written as JSON, which is small)
 * until the work ends and they are appended as one batch: the chain's head is locked only then, for the moments
 * before the commit, so a long import does not hold up every other change of its organisation.
 */
final class Bulk {

    static final ThreadLocal<Bulk> CURRENT = new ThreadLocal<>();

    record Pending(String recordType, String recordId, String parentId, HistoryEntry.Action action, UUID actorId, String actorName,
            Instant when, String changesJson) {
    }

    private final UUID organisationId;
    private final List<Pending> pending = new ArrayList<>();

    /** The chain's head once locked: the sequence and hash the next entry follows. */
    long lastSequence = -1;
    String lastHash;

    Bulk(UUID organisationId) {
        this.organisationId = organisationId;
    }

    UUID organisationId() {
        return organisationId;
    }

    List<Pending> pending() {
        return pending;
    }
}
