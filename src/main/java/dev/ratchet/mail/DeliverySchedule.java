package dev.ratchet.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox every few seconds (ratchet.mail.outbox.poll), and at once after a message is queued. On every
 * instance: leases keep them from sending one message twice. Off in tests, which deliver when they choose.
 */
@Component
@ConditionalOnProperty(name = "ratchet.mail.outbox.scheduled", havingValue = "true", matchIfMissing = true)
class DeliverySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySchedule.class);

    private final MailDelivery delivery;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-outbox");
        thread.setDaemon(true);
        return thread;
    });

    DeliverySchedule(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${ratchet.mail.outbox.poll:PT5S}", initialDelayString = "${ratchet.mail.outbox.poll:PT5S}")
    void poll() {
        wake();
    }

    @TransactionalEventListener
    void queued(Outbox.Queued queued) {
        wake();
    }

    /** One run at a time; a wish to run while one runs makes one more run after it. */
    private void wake() {
        if (wanted.compareAndSet(false, true)) {
            sender.execute(() -> {
                wanted.set(false);
                try {
                    delivery.deliverDue();
                }
                catch (RuntimeException e) {
                    LOG.warn("Mail delivery run failed; the next one tries again: {}", e.getMessage());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
