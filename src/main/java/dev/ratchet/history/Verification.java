package dev.ratchet.history;

import java.util.List;
import java.util.UUID;

/**
 * The result of checking one organisation's history: the chain (every entry's hash, and each fingerprint of the chain
 * exported outside the database, see README), then the records themselves against what their history says they are.
 * {@code intact} only when all three hold. {@code problem} names the first broken entry of the chain;
 * {@code discrepancies} the records and fields that differ from their history (the first {@value #MAX_LISTED}, of
 * {@code discrepancyCount}).
 */
public record Verification(UUID organisationId, long entriesChecked, boolean intact, Long firstBrokenSequence,
        String firstBrokenEntryId, String problem, int anchorsChecked, long recordsChecked, long discrepancyCount,
        List<Discrepancy> discrepancies) {

    public static final int MAX_LISTED = 200;

    /**
     * A record that is not what its history says: {@code field} null when the whole record is concerned (missing,
     * or without any history); {@code history} the value the history's latest entry gives, {@code record} the value
     * in the table now.
     */
    public record Discrepancy(String recordType, String recordId, String field, String history, String record) {

        public String describe() {
            return recordType + " " + recordId + (field == null ? ": " + record + " (history: " + history + ")"
                    : " " + field + ": the history says \"" + history + "\", the record holds \"" + record + "\"");
        }
    }

    public static Verification intact(UUID organisationId, long checked) {
        return new Verification(organisationId, checked, true, null, null, null, 0, 0, 0, List.of());
    }

    public static Verification broken(UUID organisationId, long checked, long sequence, String entryId, String problem) {
        return new Verification(organisationId, checked, false, sequence, entryId, problem, 0, 0, 0, List.of());
    }

    /** Whether every entry of the chain holds (and matches every fingerprint exported of it). */
    public boolean chainIntact() {
        return problem == null;
    }

    public Verification withAnchors(int checked) {
        return new Verification(organisationId, entriesChecked, intact, firstBrokenSequence, firstBrokenEntryId, problem, checked,
                recordsChecked, discrepancyCount, discrepancies);
    }

    public Verification withRecords(long checked, long count, List<Discrepancy> listed) {
        return new Verification(organisationId, entriesChecked, chainIntact() && count == 0, firstBrokenSequence, firstBrokenEntryId,
                problem, anchorsChecked, checked, count, List.copyOf(listed));
    }

    public String describe() {
        String chain = chainIntact()
                ? "chain intact: " + entriesChecked + " entries checked, " + anchorsChecked + " exported fingerprints matched"
                : "chain BROKEN at entry " + firstBrokenSequence + (firstBrokenEntryId == null ? "" : " (" + firstBrokenEntryId + ")")
                        + ": " + problem;
        String records = discrepancyCount == 0 ? "records match their history: " + recordsChecked + " checked"
                : "RECORDS CHANGED OUTSIDE RATCHET: " + discrepancyCount + " difference(s) in " + recordsChecked + " records, "
                        + String.join("; ", discrepancies.stream().limit(5).map(Discrepancy::describe).toList())
                        + (discrepancyCount > 5 ? "; …" : "");
        return chain + "; " + records;
    }
}
