package io.metering.application.fakes;

import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookDeliveryState;
import io.metering.application.model.WebhookSubscription;
import io.metering.application.port.out.WebhookStore;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link WebhookStore} in memory, with the same lease rules as the database's: a claim takes the
 * longest-due enabled subscription no unexpired lease holds; progress is saved only by the holder.
 */
public final class InMemoryWebhooks implements WebhookStore {
    private record Lease(String owner, Instant until) {}

    private final Map<UUID, WebhookSubscription> subscriptions = new LinkedHashMap<>();
    private final Map<UUID, Lease> leases = new LinkedHashMap<>();
    private final List<WebhookAttempt> attempts = new ArrayList<>();

    @Override
    public synchronized void insert(WebhookSubscription s) {
        if (subscriptions.putIfAbsent(s.id(), s) != null) {
            throw new IllegalStateException("webhook " + s.id() + " exists");
        }
    }

    @Override
    public synchronized boolean update(WebhookSubscription s) {
        if (find(s.org(), s.id()).isEmpty()) {
            return false;
        }
        subscriptions.put(s.id(), s);
        leases.remove(s.id());
        return true;
    }

    @Override
    public synchronized Optional<WebhookSubscription> find(OrganizationId org, UUID id) {
        return Optional.ofNullable(subscriptions.get(id)).filter(s -> s.org().equals(org));
    }

    @Override
    public synchronized List<WebhookSubscription> list(OrganizationId org) {
        return subscriptions.values().stream().filter(s -> s.org().equals(org)).toList();
    }

    @Override
    public synchronized boolean delete(OrganizationId org, UUID id) {
        if (find(org, id).isEmpty()) {
            return false;
        }
        subscriptions.remove(id);
        leases.remove(id);
        attempts.removeIf(a -> a.subscriptionId().equals(id));
        return true;
    }

    @Override
    public synchronized Optional<WebhookSubscription> claimDue(Instant now, String owner, Instant leaseUntil) {
        Optional<WebhookSubscription> due = subscriptions.values().stream()
                .filter(WebhookSubscription::enabled)
                .filter(s -> !s.delivery().nextAttemptAt().isAfter(now))
                .filter(s -> !leases.containsKey(s.id()) || leases.get(s.id()).until().isBefore(now)
                        || leases.get(s.id()).owner().equals(owner))
                .min(Comparator.comparing(s -> s.delivery().nextAttemptAt()));
        due.ifPresent(s -> leases.put(s.id(), new Lease(owner, leaseUntil)));
        return due;
    }

    @Override
    public synchronized boolean saveProgress(UUID id, String owner, WebhookDeliveryState state, boolean enabled,
            List<WebhookAttempt> made, Instant leaseUntil) {
        Lease lease = leases.get(id);
        WebhookSubscription s = subscriptions.get(id);
        if (s == null || lease == null || !lease.owner().equals(owner)) {
            return false;
        }
        subscriptions.put(id, s.with(enabled, state));
        if (leaseUntil == null) {
            leases.remove(id);
        } else {
            leases.put(id, new Lease(owner, leaseUntil));
        }
        attempts.addAll(made);
        return true;
    }

    @Override
    public synchronized void recordAttempt(WebhookAttempt attempt) {
        attempts.add(attempt);
    }

    @Override
    public synchronized Page<WebhookAttempt> attempts(OrganizationId org, UUID id, PageRequest page) {
        List<WebhookAttempt> mine = new ArrayList<>(attempts.stream()
                .filter(a -> a.org().equals(org) && a.subscriptionId().equals(id)).toList());
        java.util.Collections.reverse(mine);
        int from = (int) Math.min(page.offset(), mine.size());
        int to = page.unlimited() ? mine.size() : Math.min(mine.size(), from + page.limit());
        return new Page<>(mine.subList(from, to), mine.size());
    }
}
