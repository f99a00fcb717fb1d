package dev.ratchet.improvement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.ImportUploads;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long import (6,000 rows, one transaction) beside the organisation's everyday work: reports (which take the next
 * reference number) and edits of existing records (which append to the history chain) succeed within a few seconds
 * each while it runs, instead of waiting for it to commit.
 */
class ImportBesideWorkIT extends IntegrationTest {

    static final int ROWS = 6_000;

    @Autowired
    TrackerMigration migration;

    @Autowired
    ImportUploads uploads;

    @Autowired
    ImprovementManagement improvements;

    @Test
    void reportsAndEditsGoOnWhileALargeImportRuns() throws Exception {
        TestOrganisation org = newOrganisation("Import beside work");
        Tenant manager = org.tenant(Role.ISMS_MANAGER);
        ImprovementView existing = Workflow.reported(improvements, org, "Visitor badge not returned");
        StringBuilder csv = new StringBuilder("Ref,Raised,Source,Description,Root Cause,Corrective Action,Owner,Due,Closed\n");
        LocalDate start = LocalDate.of(2018, 1, 1);
        for (int r = 0; r < ROWS; r++) {
            LocalDate raised = start.plusDays(r % 2500);
            csv.append("B-").append(r + 1).append(',').append(raised).append(",Internal audit,Finding ").append(r + 1)
                    .append(" about access reviews,Process step missing,Add the step to the checklist,").append(org.email(Role.ISMS_MANAGER))
                    .append(',').append(raised.plusDays(30)).append(',').append(r % 2 == 0 ? raised.plusDays(20).toString() : "").append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        UUID upload = uploads.store(org.id(), TrackerMigration.REGISTER, "big.csv", content, ROWS, org.userIds().get(Role.ISMS_MANAGER));

        CompletableFuture<TrackerMigration.Migration> importing = CompletableFuture.supplyAsync(
                () -> migration.importFile(manager, upload, TrackerMigration.Settings.guessed()));
        List<Long> whileImporting = new ArrayList<>();
        long slowest = 0;
        int n = 0;
        ImprovementView edited = existing;
        while (!importing.isDone()) {
            long began = System.nanoTime();
            if (n % 2 == 0) {
                Workflow.reported(improvements, org, "Reported during the import " + n);
            }
            else {
                ReportForm form = new ReportForm();
                form.setKind(Kind.NONCONFORMITY);
                form.setTitle(edited.title());
                form.setDescription("Described again during the import, time " + n);
                form.setSource(Source.INTERNAL_AUDIT);
                form.setRequirements(List.of("iso27001-2022:A.5.18"));
                form.setAreaId(org.areaId());
                form.setVersion(edited.version());
                edited = improvements.describe(manager, edited.id(), form);
            }
            long took = System.nanoTime() - began;
            slowest = Math.max(slowest, took);
            if (!importing.isDone()) {
                whileImporting.add(took);
            }
            n++;
            Thread.sleep(200);
        }
        TrackerMigration.Migration done = importing.get(5, TimeUnit.MINUTES);
        System.out.println("Changes beside the import (ms): " + whileImporting.stream().map(t -> t / 1_000_000).toList());
        assertThat(done.records()).isEqualTo(ROWS);
        assertThat(whileImporting).as("changes made while the import ran").hasSizeGreaterThanOrEqualTo(3);
        assertThat(Duration.ofNanos(slowest)).as("the slowest change beside the import").isLessThan(Duration.ofSeconds(5));
        // Every number given once: the import's reserved block and the reports beside it.
        assertThat(jdbc.queryForObject("select count(distinct reference) - count(*) from improvement_record where organisation_id = ?",
                Integer.class, org.id())).isZero();
        assertThat(history(org)).isTrue();
    }

    private boolean history(TestOrganisation org) {
        return jdbc.queryForObject("select count(*) from history_entry where organisation_id = ?", Long.class, org.id()) > ROWS;
    }
}
