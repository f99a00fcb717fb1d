package dev.ratchet.action;

import java.time.Clock;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the reminders every quarter of an hour and the digest on Monday mornings, on one instance at a time (ShedLock). */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConditionalOnProperty(name = "ratchet.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).usingDbTime().build());
    }

    @Component
    static class Job {

        private final Reminders reminders;
        private final Digests digests;
        private final Clock clock;

        Job(Reminders reminders, Digests digests, Clock clock) {
            this.reminders = reminders;
            this.digests = digests;
            this.clock = clock;
        }

        @Scheduled(cron = "${ratchet.digest.cron:0 0 7 * * MON}")
        @SchedulerLock(name = "action-digest")
        void digest() {
            digests.run(clock.instant());
        }

        @Scheduled(cron = "${ratchet.reminders.cron:0 */15 * * * *}")
        @SchedulerLock(name = "action-reminders")
        void run() {
            reminders.run(clock.instant());
        }
    }
}
