package dev.ratchet.tabular;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import dev.ratchet.shared.Refused;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded import files between preview and confirmation: the file is kept as it came, so what is imported is
 * exactly what was previewed, and the organisation keeps a record of every import.
 */
@Service
@Transactional
public class ImportUploads {

    public static final String PREVIEWED = "PREVIEWED";
    public static final String IMPORTED = "IMPORTED";

    public record Upload(UUID id, String fileName, byte[] content, int rowCount, String status) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportUploads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID store(UUID organisationId, String register, String fileName, byte[] content, int rowCount, UUID uploadedBy) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into import_upload (id, organisation_id, register, file_name, content, content_hash, row_count, status, uploaded_by,
                    uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, organisationId, register,
                fileName == null || fileName.isBlank() ? "upload.csv" : fileName, content, sha256(content), rowCount, PREVIEWED, uploadedBy,
                Timestamp.from(clock.instant()));
        return id;
    }

    @Transactional(readOnly = true)
    public Upload load(UUID organisationId, String register, UUID id) {
        return jdbc.query("select id, file_name, content, row_count, status from import_upload where id = ? and organisation_id = ? and register = ?",
                rs -> rs.next() ? new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getInt(4), rs.getString(5)) : null,
                id, organisationId, register);
    }

    /**
     * Marks the upload imported; refuses a second import of it, and of the same file uploaded again (from another tab,
     * or by a colleague): the file's digest is a unique key of the register's imports, so of two imports at the same
     * moment one waits for the other and then is refused, where a check and an insert could both pass.
     */
    public void imported(UUID organisationId, UUID id) {
        // The digest taken when the file was stored; an upload kept from before digests were taken is hashed now.
        String[] found = jdbc.query("select register, content_hash from import_upload where id = ? and organisation_id = ?",
                rs -> rs.next() ? new String[] { rs.getString(1), rs.getString(2) } : new String[2], id, organisationId);
        String register = found[0];
        String hash = found[1] != null || register == null ? found[1]
                : sha256(jdbc.queryForObject("select content from import_upload where id = ?", byte[].class, id));
        int updated;
        try {
            updated = jdbc.update("update import_upload set status = ?, imported_at = ?, imported_hash = ?"
                    + " where id = ? and organisation_id = ? and status = ?",
                    IMPORTED, Timestamp.from(clock.instant()), hash, id, organisationId, PREVIEWED);
        }
        catch (org.springframework.dao.DataIntegrityViolationException | org.springframework.dao.ConcurrencyFailureException sameFile) {
            throw Refused.conflict("This file has been imported already" + when(organisationId, register, hash) + ": nothing was imported again");
        }
        if (updated != 1) {
            throw Refused.conflict("This file has been imported already: nothing was imported again");
        }
    }

    private String when(UUID organisationId, String register, String hash) {
        try {
            return jdbc.query("select file_name, imported_at from import_upload where organisation_id = ? and register = ? and imported_hash = ?",
                    rs -> rs.next() ? " (" + rs.getString(1) + ", " + rs.getTimestamp(2).toInstant().toString().substring(0, 10) + ")" : "",
                    organisationId, register, hash);
        }
        catch (RuntimeException inAFailedTransaction) {
            return "";
        }
    }

    /** Where the same file (by its SHA-256) was imported into the register before, or null if it was not. */
    @Transactional(readOnly = true)
    public String importedBefore(UUID organisationId, String register, byte[] content) {
        String found = when(organisationId, register, sha256(content));
        return found.isEmpty() ? null : "This file has been imported already" + found + ": nothing was imported again";
    }

    /** An import undone: the same file may be imported again. */
    public void reopen(UUID organisationId, UUID id) {
        jdbc.update("update import_upload set imported_hash = null where id = ? and organisation_id = ?", id, organisationId);
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
