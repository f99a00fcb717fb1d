package dev.ratchet.tabular;

import java.util.List;

import dev.ratchet.shared.Tenant;

/** What a register brings to an import: its columns, how it checks a file, and how it writes the checked rows. */
public interface Importer<R> {

    /** The register's name for stored uploads, such as "incidents". */
    String register();

    List<CsvImport.Field> fields();

    /** Reads and checks the whole file; writes nothing. Refuses (403) people who may not import. */
    CsvImport.Result<R> check(Tenant tenant, byte[] content);

    /** Writes the rows of a file without problems; runs in the importing transaction. */
    int write(Tenant tenant, List<R> rows);
}
