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
     * Runs work that changes many records of one organisation (a migration, the demo's accounts) with their history
     * written in bulk: the entries are the ones written for every change, in the same transaction and chain, but they
     * are gathered while the work runs and appended when it ends, with one lock of the chain's head and batches of
     * inserts. The head is locked only from then to the commit, so other changes of the organisation are not held up
     * for the length of the work. The work must flush its entities before it returns.
     */
    <T> T inBulk(UUID organisationId, java.util.function.Supplier<T> work);
}
