package io.metering.application.port.out;

import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookDeliveryState;
import io.metering.application.model.WebhookSubscription;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored webhook subscriptions, their delivery state and attempts (docs/webhooks.md). Each call is
 * its own transaction. Several service instances share one store: a subscription's delivery is
 * claimed with a lease ({@link #claimDue}), and only the lease holder may move its cursor
 * ({@link #saveProgress}).
 */
public interface WebhookStore {
    /** Stores a new subscription. */
    void insert(WebhookSubscription subscription);

    /**
     * Replaces the stored subscription of the same organization and id, and ends any lease on it, so
     * that a worker delivering it stops at its next save and the next claim sees the change.
     *
     * @return false if it no longer exists
     */
    boolean update(WebhookSubscription subscription);

    /** The subscription, if it exists in the organization. */
    Optional<WebhookSubscription> find(OrganizationId org, UUID id);

    /** The organization's subscriptions, oldest first. */
    List<WebhookSubscription> list(OrganizationId org);

    /** Deletes the subscription and its attempts. @return false if it did not exist */
    boolean delete(OrganizationId org, UUID id);

    /**
     * Claims one enabled subscription whose next attempt is due and which no unexpired lease of
     * another owner holds, the longest due first, skipping those another transaction is claiming. An
     * owner may claim again what it holds (after a failed round, e.g. the database was away).
     *
     * @param now the current time
     * @param owner the claiming worker's id
     * @param leaseUntil when the lease expires unless renewed
     * @return the claimed subscription, or empty when none is due
     */
    Optional<WebhookSubscription> claimDue(Instant now, String owner, Instant leaseUntil);

    /**
     * Stores the delivery state and the attempts made, if {@code owner} still holds the lease; all or
     * nothing.
     *
     * @param leaseUntil the renewed lease's end, or null to release the lease
     * @param enabled whether the subscription stays enabled (false once the retries ran out)
     * @return false when the lease was lost (expired and taken, or ended by an admin's change); nothing was stored
     */
    boolean saveProgress(UUID id, String owner, WebhookDeliveryState state, boolean enabled, List<WebhookAttempt> attempts,
            Instant leaseUntil);

    /** Records an attempt outside delivery (a test message). */
    void recordAttempt(WebhookAttempt attempt);

    /** The subscription's attempts, newest first. */
    Page<WebhookAttempt> attempts(OrganizationId org, UUID id, PageRequest page);
}
