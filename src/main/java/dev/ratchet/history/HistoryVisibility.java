package dev.ratchet.history;

import java.util.Set;

import dev.ratchet.shared.Tenant;

/**
 * A module whose records not every member may read says who may read their history, with the same rule as the
 * record's own page (a guest auditor reads approved minutes and approved policy versions only; someone who only
 * contributes reads their own feedback). The history then refuses the record, and leaves out the entries of the
 * records belonging to it that the person may not read. A record type no module answers for is read by every member,
 * as its pages are.
 */
public interface HistoryVisibility {

    /** The record types this answers for: the entities' simple names, as the history records them. */
    Set<String> recordTypes();

    /** Whether this person may read this record, and so its history. */
    boolean mayRead(Tenant tenant, String recordType, String recordId);
}
