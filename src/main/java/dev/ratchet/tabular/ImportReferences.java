package dev.ratchet.tabular;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The optional "Reference" column of a register's import: each reference once in the file (case ignored) and not
 * yet in the register, which is asked in batches of 500 rather than once per row.
 */
public final class ImportReferences {

    private static final int BATCH = 500;

    private final Set<String> inFile = new HashSet<>();
    private final List<Seen> seen = new ArrayList<>();

    private record Seen(long row, String key) {
    }

    /** Notes a row's reference (null when empty); a second one in the file is a problem of that row. */
    public void note(CsvImport.Row row, String reference) {
        if (reference == null) {
            return;
        }
        String key = reference.strip().toUpperCase(Locale.ROOT);
        if (!inFile.add(key)) {
            row.problem("Reference", "The reference " + reference + " is in the file twice");
        }
        seen.add(new Seen(row.number(), key));
    }

    /**
     * Adds a problem for every noted reference the register holds already ({@code existing} answers which of the
     * upper-case references it has, upper case) and returns the result without rows if there are any problems.
     */
    public <R> CsvImport.Result<R> checkRegister(CsvImport.Result<R> result, Function<Collection<String>, Collection<String>> existing,
            Function<String, String> message) {
        List<CsvImport.Problem> problems = new ArrayList<>(result.problems());
        for (int start = 0; start < seen.size(); start += BATCH) {
            List<Seen> batch = seen.subList(start, Math.min(seen.size(), start + BATCH));
            Set<String> taken = new HashSet<>(existing.apply(batch.stream().map(Seen::key).toList()));
            batch.stream().filter(s -> taken.contains(s.key()))
                    .forEach(s -> problems.add(new CsvImport.Problem(s.row(), "Reference", message.apply(s.key()))));
        }
        problems.sort(Comparator.comparingLong(CsvImport.Problem::row));
        return problems.isEmpty() ? result : new CsvImport.Result<>(List.of(), problems, result.rowCount(), result.notices());
    }
}
