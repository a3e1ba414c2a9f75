package io.metering.application.service.webhook;

import io.metering.application.service.events.CursorAhead;
import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookDeliveryState;
import io.metering.application.model.WebhookSecrets;
import io.metering.application.model.WebhookSubscription;
import io.metering.application.port.in.webhook.CreatedWebhook;
import io.metering.application.port.in.webhook.RotatedSecret;
import io.metering.application.port.in.webhook.WebhookChanges;
import io.metering.application.port.in.webhook.WebhookDraft;
import io.metering.application.port.in.webhook.WebhooksUseCase;
import io.metering.application.port.out.WebhookSender;
import io.metering.application.port.out.WebhookStore;
import io.metering.application.port.out.WebhookTargetPolicy;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import io.metering.application.model.ChangeEventType;
import io.metering.application.model.EventPosition;
import io.metering.application.port.out.ChangeEventStore;

/**
 * The admin operations on webhook subscriptions (docs/webhooks.md "Subscriptions"). Every URL passes
 * the outbound rules ({@link WebhookTargetPolicy}) before it is stored; a new subscription starts at
 * the organization's newest feed position, so it receives what is committed after its creation.
 */
public final class WebhookService implements WebhooksUseCase {
    /** The most event types one subscription may name. */
    static final int MAX_EVENT_TYPES = 50;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_URL = 2000;
    /** The type of the message {@link #test} sends. */
    public static final String TEST_TYPE = "io.metering.webhook.test";

    private final WebhookStore store;
    private final WebhookTargetPolicy targets;
    private final WebhookSender sender;
    private final ChangeEventStore events;
    private final Clock clock;

    /**
     * @param store the subscriptions
     * @param targets the outbound rules
     * @param sender sends test messages
     * @param events the change events: a new subscription starts after the organization's newest
     * @param clock the time of creation, updates and attempts
     */
    public WebhookService(WebhookStore store, WebhookTargetPolicy targets, WebhookSender sender,
            ChangeEventStore events, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CreatedWebhook create(Caller caller, WebhookDraft draft) {
        caller.requireAdmin("webhooks");
        URI url = checkedUrl(draft.url());
        List<String> types = checkedTypes(draft.eventTypes());
        String description = checkedDescription(draft.description());
        Instant now = clock.instant();
        String secret = WebhookSecretGenerator.next();
        WebhookSubscription s = new WebhookSubscription(UUID.randomUUID(), caller.org(), url, types, draft.enabled(), description, now,
                now, new WebhookSecrets(secret, null, null), WebhookDeliveryState.at(events.newest(caller.org()).cursor(), now));
        store.insert(s);
        return new CreatedWebhook(s, secret);
    }

    @Override
    public List<WebhookSubscription> list(Caller caller) {
        caller.requireAdmin("webhooks");
        return store.list(caller.org());
    }

    @Override
    public WebhookSubscription get(Caller caller, UUID id) {
        caller.requireAdmin("webhooks");
        return store.find(caller.org(), id).orElseThrow(() -> notFound(id));
    }

    @Override
    public WebhookSubscription update(Caller caller, UUID id, WebhookChanges changes) {
        WebhookSubscription s = get(caller, id);
        URI url = changes.url().map(this::checkedUrl).orElse(s.url());
        List<String> types = changes.eventTypes().map(WebhookService::checkedTypes).orElse(s.eventTypes());
        String description = checkedDescription(changes.description().applyTo(s.description()));
        boolean enabled = changes.enabled().orElse(s.enabled());
        Instant now = clock.instant();
        // enabling resumes at the cursor, with the failures and the service's reason forgotten
        WebhookDeliveryState delivery = enabled && !s.enabled() ? WebhookDeliveryState.at(s.delivery().cursor(), now) : s.delivery();
        WebhookSubscription changed = new WebhookSubscription(id, s.org(), url, types, enabled, description, s.createdAt(), now,
                s.secrets(), delivery);
        store(changed);
        return changed;
    }

    @Override
    public void delete(Caller caller, UUID id) {
        caller.requireAdmin("webhooks");
        if (!store.delete(caller.org(), id)) {
            throw notFound(id);
        }
    }

    @Override
    public RotatedSecret rotateSecret(Caller caller, UUID id, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    "overlap must be between 0 and " + MAX_OVERLAP.toHours() + " hours");
        }
        WebhookSubscription s = get(caller, id);
        Instant now = clock.instant();
        String secret = WebhookSecretGenerator.next();
        Instant until = now.plus(overlap);
        store(s.with(s.secrets().rotatedTo(secret, until), now));
        return new RotatedSecret(secret, until);
    }

    @Override
    public WebhookAttempt test(Caller caller, UUID id) {
        WebhookSubscription s = get(caller, id);
        Instant now = clock.instant();
        String eventId = "test_" + UUID.randomUUID();
        WebhookSender.Response r = sender.send(s.url(), eventId, testEvent(eventId, s, now), s.secrets().signingAt(now), now);
        WebhookAttempt attempt = new WebhookAttempt(s.id(), s.org(), eventId, TEST_TYPE, null, now, r.status(),
                r.duration().toMillis(), r.error(), r.excerpt());
        store.recordAttempt(attempt);
        return attempt;
    }

    @Override
    public WebhookSubscription replay(Caller caller, UUID id, String after) {
        WebhookSubscription s = get(caller, id);
        EventPosition from;
        try {
            from = EventPosition.parse(after == null ? "" : after.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "after must be a cursor of the event feed: " + e.getMessage());
        }
        if (events.isAheadOfFeed(from)) {
            CursorAhead.refuse(from);
        }
        events.purgedUpTo().filter(from::isBefore).ifPresent(horizon -> {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "events after " + from.cursor()
                    + " were deleted by the retention; replay from " + horizon.cursor() + " or later");
        });
        WebhookSubscription replayed = s.with(true, WebhookDeliveryState.at(from.cursor(), clock.instant()));
        store(replayed);
        return replayed;
    }

    @Override
    public Page<WebhookAttempt> attempts(Caller caller, UUID id, PageRequest page) {
        WebhookSubscription s = get(caller, id);
        return store.attempts(s.org(), s.id(), page);
    }

    private void store(WebhookSubscription s) {
        if (!store.update(s)) {
            throw notFound(s.id());
        }
    }

    private URI checkedUrl(URI url) {
        if (url.toString().length() > MAX_URL) {
            throw refused("the URL is longer than " + MAX_URL + " characters");
        }
        targets.refusal(url).ifPresent(why -> {
            throw refused(why);
        });
        return url;
    }

    private static InvalidRequestException refused(String why) {
        return new InvalidRequestException(RejectionReason.WEBHOOK_URL_REFUSED, why);
    }

    private static List<String> checkedTypes(List<String> types) {
        if (types.size() > MAX_EVENT_TYPES) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "at most " + MAX_EVENT_TYPES + " event types");
        }
        for (String t : types) {
            // a type the feed does not know would never be sent: the subscription would wait for nothing
            if (t == null || ChangeEventType.ofWireName(t).isEmpty()) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                        "event_types: '" + shown(t) + "' is no event type; the types are " + ChangeEventType.wireNames());
            }
        }
        return types.stream().distinct().toList();
    }

    private static String checkedDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static String shown(String text) {
        return text == null ? "null" : text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("webhook " + id + " not found");
    }

    /** A CloudEvent of {@link #TEST_TYPE}; its data names the subscription. Ids are UUIDs, so only the organization needs escaping. */
    static String testEvent(String eventId, WebhookSubscription s, Instant now) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/v1/metering/webhooks\",\"type\":\"" + TEST_TYPE
                + "\",\"time\":\"" + now + "\",\"subject\":\"webhooks/" + s.id() + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"subscription_id\":\"" + s.id() + "\",\"organization_id\":\"" + jsonText(s.org().value()) + "\"}}";
    }

    private static String jsonText(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
