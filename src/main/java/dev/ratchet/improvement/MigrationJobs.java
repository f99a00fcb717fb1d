package dev.ratchet.improvement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.ratchet.shared.Actor;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued migrations in the background, one at a time per instance. A run is claimed by a conditional update (so
 * two instances never run one migration), keeps a heartbeat with its progress (written in transactions of their
 * own, so the page shows it while the import's one transaction is open), and ends DONE or FAILED with the reason. A
 * run whose instance died (kill -9, a restart) stops beating; the sweep, every half minute and at start-up, claims it
 * again and runs it from the start, which is safe because a killed import left nothing behind. After three attempts
 * it fails with that reason.
 */
@Component
class MigrationJobs {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationJobs.class);

    /** A run not heard of for this long (ratchet.migration.silent, 2 minutes) is taken to have died with its instance. */
    private final Duration silent;

    static final int ATTEMPTS = 3;

    private final TrackerMigration migration;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "migration-runner");
        thread.setDaemon(true);
        return thread;
    });

    MigrationJobs(TrackerMigration migration, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ratchet.migration.silent:PT2M}") Duration silent) {
        this.silent = silent;
        this.migration = migration;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Runs a newly queued migration soon, once the queueing transaction has committed. */
    @org.springframework.transaction.event.TransactionalEventListener
    void queued(TrackerMigration.Queued queued) {
        submit(queued.migrationId());
    }

    void submit(UUID migrationId) {
        runner.execute(() -> claimAndRun(migrationId));
    }

    /** Queued migrations, and those whose instance stopped beating, are claimed and run. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${ratchet.migration.sweep:PT30S}", initialDelayString = "${ratchet.migration.sweep:PT30S}")
    void sweep() {
        List<UUID> waiting = jdbc.queryForList("select id from tracker_import where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < ?)"
                + " order by imported_at", UUID.class, Timestamp.from(clock.instant().minus(silent)));
        waiting.forEach(this::submit);
    }

    void claimAndRun(UUID migrationId) {
        Instant now = clock.instant();
        int claimed = jdbc.update("update tracker_import set status = 'RUNNING', attempts = attempts + 1, heartbeat_at = ?, step = 'Starting'"
                + " where id = ? and (status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < ?))", Timestamp.from(now), migrationId,
                Timestamp.from(now.minus(silent)));
        if (claimed == 0) {
            return; // another instance has it, or it has finished
        }
        Integer attempts = jdbc.queryForObject("select attempts from tracker_import where id = ?", Integer.class, migrationId);
        if (attempts != null && attempts > ATTEMPTS) {
            fail(migrationId, "The import stopped " + ATTEMPTS + " times before it finished (the server was restarted or ran out of memory):"
                    + " nothing was imported. Split the file, or ask the administrator to look at the server's log");
            return;
        }
        try {
            Tenant tenant = migration.queuedBy(migrationId);
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                    new Acting(tenant.userId(), tenant.userName()), null, List.of()));
            migration.importQueued(migrationId, tenant, (step, done, total) -> progress(migrationId, step, done, total));
        }
        catch (Refused refused) {
            fail(migrationId, refused.getMessage());
        }
        catch (RuntimeException e) {
            LOG.warn("Migration {} failed", migrationId, e);
            fail(migrationId, "The import failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "): nothing was imported");
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Who the history names for the records a background migration writes: the person who queued it. */
    private record Acting(UUID userId, String displayName) implements Actor {
    }

    private void progress(UUID migrationId, String step, int done, int total) {
        separately.executeWithoutResult(status -> jdbc.update("update tracker_import set step = ?, done = ?, total = ?, heartbeat_at = ?"
                + " where id = ? and status = 'RUNNING'", step, done, total, Timestamp.from(clock.instant()), migrationId));
    }

    private void fail(UUID migrationId, String reason) {
        separately.executeWithoutResult(status -> jdbc.update("update tracker_import set status = 'FAILED', step = 'Failed', error = ?,"
                + " finished_at = ? where id = ?", reason.length() > 4000 ? reason.substring(0, 4000) : reason, Timestamp.from(clock.instant()),
                migrationId));
    }
}
