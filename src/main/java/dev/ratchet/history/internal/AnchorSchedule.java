package dev.ratchet.history.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour (ratchet.history.anchors.cron), one instance exports the fingerprint of every chain that moved. */
@Component
class AnchorSchedule {

    private final HistoryAnchors anchors;

    AnchorSchedule(HistoryAnchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(cron = "${ratchet.history.anchors.cron:0 5 * * * *}")
    @SchedulerLock(name = "history-anchors")
    void export() {
        anchors.exportAll();
    }
}
