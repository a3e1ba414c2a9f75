package io.metering.bootstrap;

import io.metering.application.service.webhook.WebhookDelivery;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs webhook delivery ({@link WebhookDelivery}) on a daemon thread of its own while the service
 * serves (docs/webhooks.md "Delivery"): claims due subscriptions one after another, and pauses
 * {@link WebhookDelivery#IDLE_RECHECK} when none is due. A failed round (database down) is logged
 * and tried again a second later. Stopping lets the current request end (it is never interrupted,
 * so an answer is never mistaken for a failure) and saves progress; what a kill leaves unsaved is
 * sent again by whichever instance claims the subscription after its lease ran out.
 */
final class WebhookWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final WebhookDelivery delivery;
    private final Duration stopWait;
    private volatile boolean stopping;
    private Thread thread;

    /**
     * @param delivery the delivery
     * @param stopWait how long {@link #close()} waits for a request in flight
     */
    WebhookWorker(WebhookDelivery delivery, Duration stopWait) {
        this.delivery = delivery;
        this.stopWait = stopWait;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "webhook-delivery");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Webhook delivery started ({})", delivery.owner());
    }

    private void run() {
        while (!stopping) {
            try {
                if (!delivery.deliverNext(() -> stopping)) {
                    pause(WebhookDelivery.IDLE_RECHECK);
                }
            } catch (RuntimeException e) {
                LOG.warn("Webhook delivery failed; trying again in {}", AFTER_FAILURE, e);
                pause(AFTER_FAILURE);
            }
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(stopWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("Webhook delivery still sending after {}; its unsaved events are sent again after the lease", stopWait);
        }
    }
}
