package dev.ratchet.risk;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, one instance ends the acceptances of residual risk whose expiry has passed (the risk is open again and
 * shows as not accepted) and asks risk owners for the re-assessments the criteria's cadence brings due. Bounded work
 * per run: a backlog is taken in batches over the following runs.
 */
@Component
class AcceptanceExpiry {

    private final RiskManagement risks;

    AcceptanceExpiry(RiskManagement risks) {
        this.risks = risks;
    }

    @Scheduled(cron = "${ratchet.risks.acceptance-expiry-cron:0 25 * * * *}")
    @SchedulerLock(name = "risk-acceptance-expiry")
    void sweep() {
        risks.expireAcceptances(500);
        risks.remindReassessments(500);
    }
}
