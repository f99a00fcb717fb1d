package dev.ratchet.history;

import java.util.UUID;

/**
 * The result of checking one organisation's history chain: intact, or the first entry that breaks it and why.
 */
public record Verification(UUID organisationId, long entriesChecked, boolean intact, Long firstBrokenSequence,
        String firstBrokenEntryId, String problem) {

    public static Verification intact(UUID organisationId, long checked) {
        return new Verification(organisationId, checked, true, null, null, null);
    }

    public static Verification broken(UUID organisationId, long checked, long sequence, String entryId, String problem) {
        return new Verification(organisationId, checked, false, sequence, entryId, problem);
    }

    public String describe() {
        return intact
                ? "intact: " + entriesChecked + " entries checked"
                : "BROKEN at entry " + firstBrokenSequence + (firstBrokenEntryId == null ? "" : " (" + firstBrokenEntryId + ")")
                        + ": " + problem;
    }
}
