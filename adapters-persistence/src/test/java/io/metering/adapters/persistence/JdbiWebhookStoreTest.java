package io.metering.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.PageRequest;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookDeliveryState;
import io.metering.application.model.WebhookSecrets;
import io.metering.application.model.WebhookSubscription;
import io.metering.application.port.out.WebhookStore;
import io.metering.domain.tenant.OrganizationId;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook store on PostgreSQL: subscriptions round-trip, claims lock with {@code SKIP LOCKED} so
 * that concurrent claimers never share a subscription, a lease keeps others away until it runs out,
 * only the holder saves progress, and an admin's change ends the lease. Each test's subscriptions
 * are due in a year of their own, so tests sharing the database never claim each other's; what an
 * earlier run of this class left in a kept database (an external server) is removed first.
 */
class JdbiWebhookStoreTest {
    private static final String ORG_PREFIX = "hooks-";
    private final WebhookStore store = SharedPostgres.persistence().webhooks();
    private final OrganizationId org = new OrganizationId(ORG_PREFIX + UUID.randomUUID());

    @BeforeAll
    static void forgetEarlierRuns() throws SQLException {
        try (Connection c = SharedPostgres.persistence().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM webhook_attempt WHERE org_id LIKE '" + ORG_PREFIX + "%'");
            s.executeUpdate("DELETE FROM webhook_subscription WHERE org_id LIKE '" + ORG_PREFIX + "%'");
        }
    }

    private WebhookSubscription subscription(Instant due, String... types) {
        return new WebhookSubscription(UUID.randomUUID(), org, URI.create("https://erp.example.com/hook?x=1"), List.of(types), true,
                "billing \"ERP\"", due, due, new WebhookSecrets("whsec_AAAA", "whsec_BBBB", due.plusSeconds(3600)),
                WebhookDeliveryState.at("0".repeat(32), due));
    }

    @Test
    void aSubscriptionRoundTripsAndIsDeletedWithItsAttempts() {
        Instant t = Instant.parse("1991-01-01T00:00:00Z");
        WebhookSubscription s = subscription(t, "io.metering.reading.created", "io.metering.meter.deleted");
        store.insert(s);

        assertThat(store.find(org, s.id())).contains(s);
        assertThat(store.find(new OrganizationId("another"), s.id())).isEmpty();
        assertThat(store.list(org)).containsExactly(s);
        WebhookSubscription changed = new WebhookSubscription(s.id(), org, s.url(), List.of(), false, null, s.createdAt(), t.plusSeconds(1),
                new WebhookSecrets("whsec_CCCC", null, null), s.delivery().failed(t, t.plusSeconds(5)));
        assertThat(store.update(changed)).isTrue();
        assertThat(store.find(org, s.id())).contains(changed);
        store.recordAttempt(attempt(s, t, 200));
        assertThat(store.delete(org, s.id())).isTrue();
        assertThat(store.delete(org, s.id())).isFalse();
        assertThat(store.attempts(org, s.id(), new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void concurrentClaimersNeverShareASubscription() throws Exception {
        Instant t = Instant.parse("1992-01-01T00:00:00Z");
        List<UUID> ids = IntStream.range(0, 20).mapToObj(i -> subscription(t.plusMillis(i))).peek(store::insert)
                .map(WebhookSubscription::id).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            // every claim by an owner of its own: an owner may claim again what it holds, so one owner looping would never stop
            AtomicInteger owners = new AtomicInteger();
            List<CompletableFuture<Void>> claimers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
                Optional<WebhookSubscription> c;
                while ((c = store.claimDue(t.plusSeconds(1), "claimer-" + owners.incrementAndGet(), t.plusSeconds(60))).isPresent()) {
                    claimed.add(c.get().id());
                }
            }, pool)).toList();
            CompletableFuture.allOf(claimers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aLeaseKeepsOthersAwayUntilItRunsOutAndOnlyItsHolderSaves() {
        Instant t = Instant.parse("1993-01-01T00:00:00Z");
        WebhookSubscription s = subscription(t);
        store.insert(s);
        Instant lease = t.plusSeconds(30);

        assertThat(store.claimDue(t, "a", lease)).map(WebhookSubscription::id).contains(s.id());
        assertThat(store.claimDue(t.plusSeconds(29), "b", t.plusSeconds(59))).isEmpty();
        assertThat(store.claimDue(t.plusSeconds(1), "a", lease)).as("its holder may claim it again").isPresent();
        assertThat(store.saveProgress(s.id(), "b", s.delivery(), true, List.of(attempt(s, t, 204)), null)).isFalse();
        assertThat(store.claimDue(t.plusSeconds(31), "b", t.plusSeconds(61))).as("a's lease ran out").isPresent();
        assertThat(store.saveProgress(s.id(), "a", s.delivery().delivered("00000000000000050000000000000001", t), true, List.of(), lease))
                .as("a lost it").isFalse();

        WebhookDeliveryState moved = s.delivery().delivered("00000000000000050000000000000001", t.plusSeconds(31));
        assertThat(store.saveProgress(s.id(), "b", moved, true, List.of(attempt(s, t, 204), attempt(s, t.plusSeconds(1), 500)), null))
                .isTrue();
        assertThat(store.find(org, s.id()).orElseThrow().delivery()).isEqualTo(moved);
        assertThat(store.claimDue(t.plusSeconds(32), "c", t.plusSeconds(62))).as("released").isPresent();
        var page = store.attempts(org, s.id(), new PageRequest(0, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(WebhookAttempt::status).as("newest first").containsExactly(500);
    }

    @Test
    void anAdminChangeEndsTheLease() {
        Instant t = Instant.parse("1994-01-01T00:00:00Z");
        WebhookSubscription s = subscription(t);
        store.insert(s);
        store.claimDue(t, "a", t.plus(Duration.ofMinutes(5)));

        store.update(s.with(false, s.delivery()));

        assertThat(store.saveProgress(s.id(), "a", s.delivery(), true, List.of(), t.plusSeconds(60))).isFalse();
        assertThat(store.find(org, s.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void aDisabledSubscriptionIsNeverClaimed() {
        Instant t = Instant.parse("1995-01-01T00:00:00Z");
        WebhookSubscription s = subscription(t);
        store.insert(s.with(false, s.delivery()));

        assertThat(store.claimDue(t.plusSeconds(1), "a", t.plusSeconds(30))).isEmpty();
    }

    private WebhookAttempt attempt(WebhookSubscription s, Instant at, int status) {
        return new WebhookAttempt(s.id(), org, UUID.randomUUID().toString(), "io.metering.reading.created",
                "00000000000000050000000000000001", at, status, 12, status < 300 ? null : "the receiver answered " + status, "ok");
    }
}
