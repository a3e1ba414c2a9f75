package io.metering.application.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryStore;
import io.metering.application.fakes.InMemoryWebhooks;
import io.metering.application.fakes.MutableClock;
import io.metering.application.fakes.RecordingWebhookSender;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.PageRequest;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookRetrySchedule;
import io.metering.application.model.WebhookSubscription;
import io.metering.application.port.in.webhook.WebhookDraft;
import io.metering.domain.tenant.OrganizationId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Delivery over the in-memory ports with a settable clock: order, once each in the normal case,
 * retries by the schedule while the receiver is down, disabling when they run out, replay, the type
 * filter, and the lease that keeps a second instance away until it runs out.
 */
class WebhookDeliveryTest {
    private static final OrganizationId ORG = new OrganizationId("org-hooks");
    private static final Caller ADMIN = Caller.admin(ORG, "admin");
    private static final WebhookRetrySchedule SCHEDULE = new WebhookRetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofHours(1)));
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration REQUEST = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryStore events = new InMemoryStore();
    private final InMemoryWebhooks webhooks = new InMemoryWebhooks();
    private final RecordingWebhookSender receiver = new RecordingWebhookSender();
    private final WebhookService admin = new WebhookService(webhooks, url -> Optional.empty(), receiver, events, clock);

    private WebhookDelivery instance() {
        return new WebhookDelivery(webhooks, events, receiver, WebhookDeliveryTest::body, SCHEDULE, LEASE, REQUEST, clock);
    }

    private static String body(RecordedChangeEvent e) {
        return "{\"id\":\"" + e.event().id() + "\",\"sequence\":\"" + e.position().cursor() + "\"}";
    }

    private List<UUID> append(int n, String type) {
        List<ChangeEvent> made = IntStream.range(0, n).mapToObj(i -> new ChangeEvent(UUID.randomUUID(), ORG, type, "reading/" + i,
                clock.instant(), "admin:admin", "{\"n\":" + i + "}")).toList();
        events.inTransaction(() -> {
            events.append(made);
            return null;
        });
        return made.stream().map(ChangeEvent::id).toList();
    }

    private WebhookSubscription subscribe(String... types) {
        return admin.create(ADMIN, new WebhookDraft(URI.create("https://erp.example.com/hook"), List.of(types), true, null)).subscription();
    }

    private void drain(WebhookDelivery d) {
        while (d.deliverNext(() -> false)) {
            // each run delivers one claimed subscription
        }
    }

    private List<String> receivedIds() {
        return receiver.sent().stream().filter(s -> s.id() != null).map(RecordingWebhookSender.Sent::id).toList();
    }

    @Test
    void deliversEveryEventAfterTheSubscriptionOnceInOrder() {
        append(3, "io.metering.reading.created"); // before the subscription: not sent
        WebhookSubscription s = subscribe();
        List<UUID> ids = append(250, "io.metering.reading.created");

        drain(instance());

        assertThat(receivedIds()).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        WebhookSubscription after = admin.get(ADMIN, s.id());
        assertThat(after.delivery().cursor()).isEqualTo(events.newest(ORG).cursor());
        assertThat(admin.attempts(ADMIN, s.id(), new PageRequest(0, 1000)).total()).isEqualTo(250);
        assertThat(receiver.sent().get(0).body()).contains(ids.get(0).toString());
    }

    @Test
    void aReceiverDownForAWhileSeesTheRetriesThenGetsEverythingInOrder() {
        WebhookSubscription s = subscribe();
        List<UUID> ids = append(5, "io.metering.reading.created");
        receiver.answer(m -> null); // down: connection refused
        WebhookDelivery d = instance();

        drain(d);
        assertThat(receivedIds()).containsExactly(ids.get(0).toString());
        assertThat(admin.get(ADMIN, s.id()).delivery().failures()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        drain(d);
        assertThat(receivedIds()).as("not before the first delay").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        drain(d);
        assertThat(receivedIds()).as("the retry after 5 s").hasSize(2);
        receiver.answer(m -> m.id().equals(ids.get(0).toString()) ? 500 : 200);
        clock.advance(Duration.ofMinutes(5));
        drain(d);
        assertThat(receivedIds()).as("500 is a failure too").hasSize(3);
        receiver.answer(m -> 200);
        clock.advance(Duration.ofHours(1));
        drain(d);

        List<String> got = receivedIds();
        assertThat(got.subList(3, got.size())).as("back: every event once, in order")
                .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(admin.get(ADMIN, s.id()).delivery().failures()).isZero();
        List<WebhookAttempt> attempts = admin.attempts(ADMIN, s.id(), new PageRequest(0, 100)).items();
        assertThat(attempts).hasSize(8);
        assertThat(attempts.get(attempts.size() - 1).error()).contains("connection refused");
        assertThat(attempts.get(attempts.size() - 3).status()).isEqualTo(500);
    }

    @Test
    void whenTheRetriesRunOutTheSubscriptionIsDisabledWithTheReasonAndReplayResumes() {
        WebhookSubscription s = subscribe();
        List<UUID> ids = append(2, "io.metering.reading.created");
        receiver.answer(m -> 503);
        WebhookDelivery d = instance();
        for (Duration wait : List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1))) {
            clock.advance(wait);
            drain(d);
        }

        WebhookSubscription disabled = admin.get(ADMIN, s.id());
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.delivery().disabledReason()).contains(ids.get(0).toString()).contains("failed 4 times").contains("503");
        clock.advance(Duration.ofDays(2));
        drain(d);
        assertThat(receivedIds()).as("nothing sent while disabled").hasSize(4);

        receiver.answer(m -> 200);
        admin.replay(ADMIN, s.id(), disabled.delivery().cursor());
        drain(d);
        assertThat(receivedIds().subList(4, 6)).containsExactly(ids.get(0).toString(), ids.get(1).toString());
        assertThat(admin.get(ADMIN, s.id()).delivery().disabledReason()).isNull();
    }

    @Test
    void aTypeFilterSendsOnlyThoseTypesAndTheCursorPassesTheOthers() {
        WebhookSubscription s = subscribe("io.metering.meter.created");
        append(3, "io.metering.reading.created");
        List<UUID> meters = append(1, "io.metering.meter.created");
        append(2, "io.metering.reading.created");

        drain(instance());
        clock.advance(Duration.ofSeconds(1));
        drain(instance());

        assertThat(receivedIds()).containsExactly(meters.get(0).toString());
        assertThat(admin.get(ADMIN, s.id()).delivery().cursor()).as("past the other types too").isEqualTo(events.newest(ORG).cursor());
    }

    @Test
    void aClaimedSubscriptionIsLeftToItsHolderUntilTheLeaseRunsOut() {
        WebhookSubscription s = subscribe();
        Instant now = clock.instant();
        assertThat(webhooks.claimDue(now, "killed-instance", now.plus(LEASE))).isPresent();
        append(2, "io.metering.reading.created");
        WebhookDelivery other = instance();

        assertThat(other.deliverNext(() -> false)).as("held by the other instance").isFalse();
        clock.advance(LEASE.plusSeconds(1));
        drain(other);

        assertThat(receivedIds()).hasSize(2);
        assertThat(admin.get(ADMIN, s.id()).delivery().failures()).isZero();
    }

    @Test
    void anAdminChangeEndsTheLeaseSoTheHolderStopsAtItsNextSave() {
        WebhookSubscription s = subscribe();
        Instant now = clock.instant();
        webhooks.claimDue(now, "slow-instance", now.plus(LEASE));

        admin.update(ADMIN, s.id(), new io.metering.application.port.in.webhook.WebhookChanges(Optional.empty(), Optional.empty(),
                Optional.of(false), io.metering.application.model.FieldChange.keep()));

        assertThat(webhooks.saveProgress(s.id(), "slow-instance", s.delivery(), true, List.of(), now.plus(LEASE))).isFalse();
    }
}
