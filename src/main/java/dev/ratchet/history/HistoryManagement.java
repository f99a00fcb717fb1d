package dev.ratchet.history;

import java.util.List;
import java.util.UUID;

/** What other modules may ask of history. Writing happens by itself for every entity change. */
public interface HistoryManagement {

    /** The installation's own chain: records that belong to no organisation, such as people's accounts. */
    UUID INSTALLATION = new UUID(0, 0);

    /** The changes to a record and to the records that belong to it (its actions, reviews), newest first. */
    List<HistoryEntry> of(UUID organisationId, String recordType, String recordId);

    /**
     * The history of a record as this person may read it (see {@link HistoryVisibility}): refused as not found where
     * they may not read the record, and without the entries of its belonging records they may not read.
     */
    List<HistoryEntry> readable(dev.ratchet.shared.Tenant tenant, String recordType, String recordId);

    Verification verify(UUID organisationId);

    /** The hash of the newest entry of the organisation's chain (the genesis hash for an empty chain), to quote in reports. */
    String headHash(UUID organisationId);

    List<Verification> verifyAll();

    /**
     * Runs work that changes many records of one organisation (a migration) with their history written in batches:
     * the entries are the ones written for every change, in the same transaction and chain, but each batch is
     * appended with one lock of the chain and one batch of inserts instead of four statements an entry. The work
     * calls {@link #flushBulk()} after flushing its entities (and must flush before it returns).
     */
    <T> T inBulk(UUID organisationId, java.util.function.Supplier<T> work);

    /** Appends the entries gathered since the last call of the bulk work running on this thread. */
    void flushBulk();
}
