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
                insert into import_upload (id, organisation_id, register, file_name, content, row_count, status, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, organisationId, register,
                fileName == null || fileName.isBlank() ? "upload.csv" : fileName, content, rowCount, PREVIEWED, uploadedBy,
                Timestamp.from(clock.instant()));
        return id;
    }

    @Transactional(readOnly = true)
    public Upload load(UUID organisationId, String register, UUID id) {
        return jdbc.query("select id, file_name, content, row_count, status from import_upload where id = ? and organisation_id = ? and register = ?",
                rs -> rs.next() ? new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getInt(4), rs.getString(5)) : null,
                id, organisationId, register);
    }

    /** Marks the upload imported; refuses a second import of the same file. */
    public void imported(UUID organisationId, UUID id) {
        int updated = jdbc.update("update import_upload set status = ?, imported_at = ? where id = ? and organisation_id = ? and status = ?",
                IMPORTED, Timestamp.from(clock.instant()), id, organisationId, PREVIEWED);
        if (updated != 1) {
            throw Refused.conflict("This file has been imported already");
        }
    }
}
