package io.metering.application.service.webhook;

import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookDeliveryState;
import io.metering.application.model.WebhookRetrySchedule;
import io.metering.application.model.WebhookSubscription;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.application.port.out.WebhookSender;
import io.metering.application.port.out.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers change events to webhook subscriptions, one claimed subscription at a time
 * (docs/webhooks.md "Delivery"): in feed order, at least once, each event only after the one before
 * it was acknowledged (2xx). Several instances may run it on one database; a subscription is
 * delivered by the instance holding its lease ({@link WebhookStore#claimDue}), which renews the
 * lease as it saves progress and sends only while the lease outlasts a request, so a lease that
 * runs out (a killed instance) lets another instance take over without two senders interleaving.
 *
 * <p>Progress (the cursor and the attempts made) is saved after at most {@link #SAVE_EVERY} events or
 * {@link #SAVE_AFTER}, and at every failure: a kill loses no event, it only repeats the unsaved
 * ones. A failure waits as the {@link WebhookRetrySchedule} says; when it is used up the
 * subscription is disabled with the reason shown to admins.
 */
public final class WebhookDelivery {
    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
    /** Events read from the feed at once. */
    static final int BATCH = 200;
    /** Save progress at least after this many acknowledged events. */
    static final int SAVE_EVERY = 100;
    /** ... or after this long. */
    static final Duration SAVE_AFTER = Duration.ofSeconds(1);
    /** How soon an idle subscription is looked at again. */
    public static final Duration IDLE_RECHECK = Duration.ofMillis(500);

    private final WebhookStore store;
    private final ChangeEventStore events;
    private final WebhookSender sender;
    private final Function<RecordedChangeEvent, String> render;
    private final WebhookRetrySchedule retries;
    private final Duration lease;
    private final Duration requestBound;
    private final Clock clock;
    private final String owner = "worker-" + UUID.randomUUID();

    /**
     * @param store the subscriptions and their leases
     * @param events the change events
     * @param sender sends signed messages
     * @param render an event as the body sent: its CloudEvents JSON exactly as the feed serves it
     * @param retries the waits after failures
     * @param lease how long a claim lasts unless renewed; more than twice {@code requestBound}
     * @param requestBound the longest one request can take (connect and answer timeouts)
     * @param clock the time of attempts, leases and retries
     */
    public WebhookDelivery(WebhookStore store, ChangeEventStore events, WebhookSender sender,
            Function<RecordedChangeEvent, String> render, WebhookRetrySchedule retries, Duration lease, Duration requestBound,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.render = Objects.requireNonNull(render, "render");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.requestBound = Objects.requireNonNull(requestBound, "requestBound");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lease.compareTo(requestBound.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("the lease (" + lease + ") must be more than twice the request bound (" + requestBound + ")");
        }
    }

    /** This instance's lease owner id. */
    public String owner() {
        return owner;
    }

    /**
     * Claims one due subscription and delivers what is waiting for it, until it is idle, fails, the
     * lease is lost or {@code stopping} says so.
     *
     * @param stopping asked between events; true ends the run after saving progress
     * @return false when no subscription was due (the caller may pause)
     */
    public boolean deliverNext(BooleanSupplier stopping) {
        Instant now = clock.instant();
        return store.claimDue(now, owner, now.plus(lease)).map(s -> {
            new Run(s, stopping).deliver();
            return true;
        }).orElse(false);
    }

    /** The delivery of one claimed subscription. */
    private final class Run {
        private final WebhookSubscription subscription;
        private final BooleanSupplier stopping;
        private final List<WebhookAttempt> unsaved = new ArrayList<>();
        private WebhookDeliveryState state;
        private Instant leaseUntil;
        private Instant savedAt;
        private int unsavedDeliveries;

        Run(WebhookSubscription subscription, BooleanSupplier stopping) {
            this.subscription = subscription;
            this.stopping = stopping;
            this.state = subscription.delivery();
            this.savedAt = clock.instant();
            this.leaseUntil = savedAt.plus(lease);
        }

        void deliver() {
            EventPosition cursor = EventPosition.parse(state.cursor());
            if (events.purgedUpTo().filter(cursor::isBefore).isPresent()) {
                giveUp("events after the cursor " + cursor.cursor() + " were deleted by the retention before they were delivered;"
                        + " replay from a newer cursor");
                return;
            }
            while (true) {
                // with a type filter, the cursor also passes the events of other types: else it could fall behind the retention
                EventPosition newest = subscription.eventTypes().isEmpty() ? null : events.newest(subscription.org());
                ChangeEventPage page = events.read(subscription.org(), cursor, BATCH, new HashSet<>(subscription.eventTypes()));
                if (page.events().isEmpty()) {
                    if (newest != null && cursor.isBefore(newest)) {
                        state = state.delivered(newest.cursor(), clock.instant());
                    }
                    save(state.idleUntil(clock.instant().plus(IDLE_RECHECK)), true, false);
                    return;
                }
                for (RecordedChangeEvent e : page.events()) {
                    if (stopping.getAsBoolean()) {
                        save(state.idleUntil(clock.instant()), true, false);
                        return;
                    }
                    if (!leaseOutlastsARequest() && !save(state, true, true)) {
                        return;
                    }
                    if (!send(e)) {
                        return;
                    }
                    cursor = e.position();
                    if ((unsavedDeliveries >= SAVE_EVERY || !clock.instant().isBefore(savedAt.plus(SAVE_AFTER))) && !save(state, true, true)) {
                        return;
                    }
                }
            }
        }

        private boolean leaseOutlastsARequest() {
            return clock.instant().plus(requestBound).isBefore(leaseUntil);
        }

        /** @return whether to go on: the event was acknowledged */
        private boolean send(RecordedChangeEvent e) {
            Instant at = clock.instant();
            String id = e.event().id().toString();
            WebhookSender.Response r = sender.send(subscription.url(), id, render.apply(e), subscription.secrets().signingAt(at), at);
            WebhookAttempt attempt = new WebhookAttempt(subscription.id(), subscription.org(), id, e.event().type(), e.position().cursor(),
                    at, r.status(), r.duration().toMillis(), r.error(), r.excerpt());
            unsaved.add(attempt);
            if (attempt.succeeded()) {
                state = state.delivered(e.position().cursor(), clock.instant());
                unsavedDeliveries++;
                return true;
            }
            int failures = state.failures() + 1;
            Duration wait = retries.after(failures);
            if (wait == null) {
                giveUp("delivery of event " + id + " failed " + failures + " times since "
                        + (state.failingSince() == null ? at : state.failingSince()) + "; last: " + r.error());
            } else {
                save(state.failed(at, clock.instant().plus(wait)), true, false);
            }
            return false;
        }

        private void giveUp(String reason) {
            LOG.warning(() -> "Webhook " + subscription.id() + " of " + subscription.org().value() + " disabled: " + reason);
            save(state.givenUp(clock.instant(), reason), false, false);
        }

        /** Saves the state and the attempts; keeps the lease when {@code renew}. @return false when the lease was lost */
        private boolean save(WebhookDeliveryState next, boolean enabled, boolean renew) {
            Instant now = clock.instant();
            Instant until = renew ? now.plus(lease) : null;
            boolean kept = store.saveProgress(subscription.id(), owner, next, enabled, List.copyOf(unsaved), until);
            if (!kept) {
                LOG.log(Level.INFO, () -> "Webhook " + subscription.id() + ": lease lost (changed by an admin or taken over); "
                        + unsaved.size() + " attempt(s) not recorded, their events are sent again");
            }
            unsaved.clear();
            unsavedDeliveries = 0;
            state = next;
            savedAt = now;
            if (until != null) {
                leaseUntil = until;
            }
            return kept;
        }
    }
}
