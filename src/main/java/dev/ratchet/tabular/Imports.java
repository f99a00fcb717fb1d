package dev.ratchet.tabular;

import java.util.List;
import java.util.UUID;

import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports in two steps: a checked file is kept, and confirming imports exactly that file, checked again against the
 * register as it is then, all rows in one transaction or none.
 */
@Service
@Transactional
public class Imports {

    /** What an import did: rows read, rows written, and the problems that stopped it. */
    public record Outcome(long rows, int imported, List<CsvImport.Problem> problems, List<String> notices) {
    }

    private final ImportUploads uploads;

    Imports(ImportUploads uploads) {
        this.uploads = uploads;
    }

    /** Where the same file was imported into the register before (the message to show), or null. */
    public String importedBefore(Tenant tenant, Importer<?> importer, byte[] content) {
        return uploads.importedBefore(tenant.organisationId(), importer.register(), content);
    }

    /** Keeps a file without problems for the confirmation step. */
    public <R> UUID keep(Tenant tenant, Importer<R> importer, String fileName, byte[] content, CsvImport.Result<R> checked) {
        if (!checked.ok()) {
            throw Refused.invalid("The file has problems: nothing is imported");
        }
        return uploads.store(tenant.organisationId(), importer.register(), fileName, content, (int) checked.rowCount(), tenant.userId());
    }

    /** Imports a kept file: all rows or, if the register changed meanwhile so that a row no longer fits, none. */
    public <R> int confirm(Tenant tenant, Importer<R> importer, UUID uploadId) {
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), importer.register(), uploadId);
        if (upload == null) {
            throw Refused.notFound("Import");
        }
        // First the file's unique key: the same file imported twice (two tabs, two calls at once) is refused as such.
        uploads.imported(tenant.organisationId(), uploadId);
        CsvImport.Result<R> checked = importer.check(tenant, upload.content());
        if (!checked.ok()) {
            throw Refused.conflict("The register changed since the preview: " + checked.problems().get(0).message()
                    + ". Nothing is imported; upload the file again.");
        }
        return importer.write(tenant, checked.rows());
    }

    /**
     * The API's answer to a one-call import: 201 with what was imported, 200 for a dry run without problems, 422 with
     * the problems by row and column.
     */
    public <R> org.springframework.http.ResponseEntity<Outcome> answer(Tenant tenant, Importer<R> importer, byte[] content, boolean dryRun) {
        Outcome outcome = now(tenant, importer, content, dryRun);
        return org.springframework.http.ResponseEntity.status(!outcome.problems().isEmpty() ? org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT
                : dryRun ? org.springframework.http.HttpStatus.OK : org.springframework.http.HttpStatus.CREATED).body(outcome);
    }

    /** The API's one-call import: check, and unless it is a dry run, keep and import. */
    public <R> Outcome now(Tenant tenant, Importer<R> importer, byte[] content, boolean dryRun) {
        String before = content == null ? null : uploads.importedBefore(tenant.organisationId(), importer.register(), content);
        if (before != null) {
            throw Refused.conflict(before);
        }
        CsvImport.Result<R> checked = importer.check(tenant, content == null ? new byte[0] : content);
        if (!checked.ok() && content != null) {
            // The same file imported by another call a moment ago makes every row clash with itself: say that instead.
            String meanwhile = uploads.importedBefore(tenant.organisationId(), importer.register(), content);
            if (meanwhile != null) {
                throw Refused.conflict(meanwhile);
            }
        }
        if (!checked.ok() || dryRun) {
            return new Outcome(checked.rowCount(), 0, checked.problems(), checked.notices());
        }
        UUID kept = keep(tenant, importer, "api.csv", content, checked);
        return new Outcome(checked.rowCount(), confirm(tenant, importer, kept), List.of(), checked.notices());
    }
}
