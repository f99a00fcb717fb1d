package dev.ratchet.bundle;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour, one instance deletes the content of bundles past their retention period. */
@Component
class BundleExpiry {

    private final BundleManagement bundles;

    BundleExpiry(BundleManagement bundles) {
        this.bundles = bundles;
    }

    @Scheduled(cron = "${ratchet.bundles.expiry-cron:0 20 * * * *}")
    @SchedulerLock(name = "bundle-expiry")
    void sweep() {
        bundles.expireAll();
    }
}
