package io.metering.application.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a webhook subscription's delivery stands (docs/webhooks.md "Delivery"): the position of the
 * last event the receiver acknowledged, the failures of the event at the head since its last
 * success, when the next attempt is due, and why the service disabled it, if it did.
 *
 * @param cursor the position (an event feed cursor) of the last event delivered; the next event after it is the head
 * @param failures failed attempts of the head event in a row; 0 after any success
 * @param nextAttemptAt when the head is next tried
 * @param failingSince when the first of those failures happened, or null
 * @param disabledReason why delivery was disabled by the service (retries exhausted), or null
 */
public record WebhookDeliveryState(String cursor, int failures, Instant nextAttemptAt, Instant failingSince, String disabledReason) {
    /** Checks the fields. */
    public WebhookDeliveryState {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    /** A fresh state at {@code cursor}, due at once. */
    public static WebhookDeliveryState at(String cursor, Instant now) {
        return new WebhookDeliveryState(cursor, 0, now, null, null);
    }

    /** After the event at {@code position} was delivered. */
    public WebhookDeliveryState delivered(String position, Instant now) {
        return new WebhookDeliveryState(position, 0, now, null, null);
    }

    /** After a failed attempt at {@code now}, tried again at {@code retryAt}. */
    public WebhookDeliveryState failed(Instant now, Instant retryAt) {
        return new WebhookDeliveryState(cursor, failures + 1, retryAt, failingSince == null ? now : failingSince, null);
    }

    /** Delivery given up: the subscription is disabled for {@code reason}. */
    public WebhookDeliveryState givenUp(Instant now, String reason) {
        return new WebhookDeliveryState(cursor, failures + 1, now, failingSince == null ? now : failingSince, reason);
    }

    /** Nothing to deliver now: look again at {@code next}. */
    public WebhookDeliveryState idleUntil(Instant next) {
        return new WebhookDeliveryState(cursor, failures, next, failingSince, disabledReason);
    }
}
