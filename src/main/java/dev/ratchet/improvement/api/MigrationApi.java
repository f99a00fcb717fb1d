package dev.ratchet.improvement.api;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.ratchet.improvement.TrackerMigration;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bringing an earlier tracker in by program, as the migration pages do it: upload, preview with choices (sheet,
 * header row, character set, column mapping, what each value means, the state of each kind of row), import (in the
 * background for a large file, with its progress), list, undo.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/improvement-migrations")
@Tag(name = "Tracker migration", description = "Bringing an earlier nonconformity tracker (XLSX or CSV) into the improvement register")
class MigrationApi {

    private final TrackerMigration migration;
    private final int backgroundRows;

    MigrationApi(TrackerMigration migration, @Value("${ratchet.migration.background-rows:2000}") int backgroundRows) {
        this.migration = migration;
        this.backgroundRows = backgroundRows;
    }

    /** The preview as a program reads it: the choices it was made with, what would come in, every problem. */
    record Preview(String fileName, List<String> sheets, int sheet, int headerRow, String encoding, boolean encodingDetected,
            List<String> headers, List<TrackerMigration.Target> mapping, int records, long actions, long reviews,
            List<TrackerMigration.Problem> problems, List<String> notices, List<TrackerMigration.ValueColumn> values,
            List<TrackerMigration.StateCount> states, List<TrackerMigration.Line> sample, boolean importable) {

        static Preview of(TrackerMigration.Check check) {
            TrackerMigration.Table t = check.table();
            return new Preview(t.fileName(), t.sheetNames(), t.sheet(), t.headerRow(), t.encoding(), t.encodingDetected(), t.headers(),
                    check.mapping(), check.lines().size(), check.actions(), check.reviews(), check.problems(), check.notices(),
                    check.valueColumns(), check.states(), check.lines().subList(0, Math.min(20, check.lines().size())), check.ok());
        }
    }

    @PostMapping("/uploads")
    @PreAuthorize(Access.CONFIGURE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a tracker (XLSX or CSV) to preview it; nothing comes into the register yet")
    TrackerMigration.Uploaded uploadTrackerFile(@PathVariable UUID organisationId, @RequestParam(required = false) MultipartFile file) throws IOException {
        return migration.upload(CurrentTenant.require(), file == null ? null : file.getOriginalFilename(),
                file == null ? new byte[0] : file.getBytes());
    }

    @PostMapping("/uploads/{uploadId}/preview")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Preview an uploaded tracker with these choices (all optional: Ratchet guesses what is left out); nothing is written")
    Preview previewMigration(@PathVariable UUID organisationId, @PathVariable UUID uploadId,
            @RequestBody(required = false) TrackerMigration.Settings settings) {
        return Preview.of(migration.preview(CurrentTenant.require(), uploadId, settings == null ? TrackerMigration.Settings.guessed() : settings));
    }

    @PostMapping("/uploads/{uploadId}/import")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Import an uploaded tracker with these choices, every row or none, once: 201 when it has come in, 202 when a"
            + " large file was queued (follow its status); 409 with the problems' count when a row cannot come in")
    ResponseEntity<TrackerMigration.Migration> importMigration(@PathVariable UUID organisationId, @PathVariable UUID uploadId,
            @RequestBody(required = false) TrackerMigration.Settings settings) {
        Tenant tenant = CurrentTenant.require();
        TrackerMigration.Settings chosen = settings == null ? TrackerMigration.Settings.guessed() : settings;
        if (migration.uploadedRows(tenant, uploadId) > backgroundRows) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(migration.enqueue(tenant, uploadId, chosen));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(migration.importFile(tenant, uploadId, chosen));
    }

    @GetMapping
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "The organisation's latest migrations, newest first, with their status and progress")
    List<TrackerMigration.Migration> listMigrations(@PathVariable UUID organisationId) {
        return migration.migrations(CurrentTenant.require());
    }

    @GetMapping("/{migrationId}")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "One migration: QUEUED, RUNNING (with its step and progress), DONE or FAILED (with the reason)")
    TrackerMigration.Migration getMigration(@PathVariable UUID organisationId, @PathVariable UUID migrationId) {
        return migration.migration(CurrentTenant.require(), migrationId);
    }

    @PostMapping("/{migrationId}/undo")
    @PreAuthorize(Access.CONFIGURE)
    @Operation(summary = "Undo a migration as a whole within its period: its records, actions and reviews leave the register (the history keeps them)")
    TrackerMigration.Migration undoMigration(@PathVariable UUID organisationId, @PathVariable UUID migrationId,
            @RequestParam(required = false) Long version) {
        return migration.undo(CurrentTenant.require(), migrationId, version);
    }
}
