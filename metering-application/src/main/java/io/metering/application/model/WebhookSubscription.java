package io.metering.application.model;

import io.metering.domain.tenant.OrganizationId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A webhook subscription of one organization (docs/webhooks.md): the receiver's URL, the event
 * types it wants (empty: all), whether it is enabled, its signing secrets and its delivery state.
 *
 * @param id the subscription's id
 * @param org its organization; it receives only that organization's events
 * @param url the receiver, checked by the outbound rules at create and update
 * @param eventTypes the CloudEvents types sent, e.g. {@code io.metering.reading.created}; empty means every type
 * @param enabled whether events are delivered; false when an admin disabled it or the retries ran out
 * @param description free text of the admin's, or null
 * @param createdAt when it was created
 * @param updatedAt when an admin last changed it
 * @param secrets the signing secrets
 * @param delivery where delivery stands
 */
public record WebhookSubscription(UUID id, OrganizationId org, URI url, List<String> eventTypes, boolean enabled, String description,
        Instant createdAt, Instant updatedAt, WebhookSecrets secrets, WebhookDeliveryState delivery) {
    /** Checks the fields and copies the type list. */
    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(url, "url");
        eventTypes = List.copyOf(eventTypes);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** Whether an event of this type is sent. */
    public boolean wants(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }

    /** This subscription with another delivery state (and enabled flag). */
    public WebhookSubscription with(boolean enabled, WebhookDeliveryState delivery) {
        return new WebhookSubscription(id, org, url, eventTypes, enabled, description, createdAt, updatedAt, secrets, delivery);
    }

    /** This subscription with other secrets. */
    public WebhookSubscription with(WebhookSecrets secrets, Instant now) {
        return new WebhookSubscription(id, org, url, eventTypes, enabled, description, createdAt, now, secrets, delivery);
    }
}
