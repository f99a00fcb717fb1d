package dev.ratchet.shared;

/**
 * A record that belongs to another one (an action to its nonconformity): its changes also show in the history of
 * the record it belongs to.
 */
public interface HistoryChild {

    String historyParentId();
}
