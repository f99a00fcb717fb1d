package dev.ratchet.history;

/** One field of a record as it was before and after a change; {@code null} where it had no value. */
public record Change(String field, String before, String after) {
}
