package io.metering.adapters.http.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.ChangeEventType;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.port.in.events.ChangeEventFeedQuery;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/metering/events} (docs/events.md "Feed"), admin tokens only: the organization's
 * change events after {@code after}, at most {@code limit}, only of the types {@code type} names
 * (comma-separated or repeated), answered as {@code {"events": [CloudEvents...], "next": cursor}}.
 * With {@code wait} (seconds) and nothing new, the request waits until an event is committed or the
 * wait ends ({@link FeedWaits}). A cursor older than the retention period answers 410
 * {@code cursor_expired}.
 */
public final class EventFeedRoutes implements AutoCloseable {
    /** The feed's path. */
    public static final String EVENTS = "/v1/metering/events";
    /** The longest {@code wait}, in seconds: below Jetty's 30-second idle timeout, which would end a longer wait. */
    public static final int MAX_WAIT_SECONDS = 25;

    private static final Pattern CURSOR_FORM = Pattern.compile("[0-9a-f]{32}");

    private final ChangeEventFeedQuery feed;
    private final Guard guard;
    private final FeedWaits waits = new FeedWaits();

    /**
     * @param feed the use case
     * @param guard authentication and admission
     */
    public EventFeedRoutes(ChangeEventFeedQuery feed, Guard guard) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Adds the route. */
    public void register(RoutesConfig routes) {
        routes.get(EVENTS, guard.require(Access.ADMIN, this::events));
    }

    private void events(Context ctx, Caller caller) {
        Optional<EventPosition> after = after(ctx);
        int limit = (int) Params.integer(ctx, "limit", ChangeEventFeedQuery.DEFAULT_LIMIT, 1, ChangeEventFeedQuery.MAX_LIMIT);
        Set<String> types = types(ctx);
        int wait = (int) Params.integer(ctx, "wait", 0, 0, MAX_WAIT_SECONDS);
        ChangeEventPage first = read(caller, after, limit, types);
        if (!first.events().isEmpty() || wait == 0) {
            answer(ctx, first);
            return;
        }
        Optional<java.util.concurrent.CompletableFuture<ChangeEventPage>> waiting = waits.await(() -> {
            ChangeEventPage page = read(caller, after, limit, types);
            return page.events().isEmpty() ? Optional.empty() : Optional.of(page);
        }, () -> first, Duration.ofSeconds(wait));
        if (waiting.isEmpty()) {
            answer(ctx, first);
            return;
        }
        ctx.future(() -> waiting.get().thenAccept(page -> answer(ctx, page)));
    }

    private ChangeEventPage read(Caller caller, Optional<EventPosition> after, int limit, Set<String> types) {
        return feed.read(caller, after, limit, types).orElseThrow(() -> HttpFailure.cursorExpired("the cursor "
                + after.map(EventPosition::cursor).orElse("") + " is older than the retention period: events after it were"
                + " deleted; start again without after (from the oldest kept event) and reconcile what was missed"));
    }

    private static Optional<EventPosition> after(Context ctx) {
        // an empty value is refused like an empty limit=, never read as "from the oldest event" (docs/events.md "Feed")
        String raw = ctx.queryParam("after");
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.trim();
        if (!CURSOR_FORM.matcher(text).matches()) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "after must be a cursor the feed returned"
                    + " (32 lower-case hex digits), not '" + Params.shown(text) + "'");
        }
        try {
            return Optional.of(EventPosition.parse(text));
        } catch (IllegalArgumentException e) {
            // well-formed but a half beyond the signed 64-bit range: no position the feed has or will reach
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "after " + text + " is not a cursor the"
                    + " feed returns: its transaction id or sequence number lies beyond every position of the feed (ahead"
                    + " of it); continue from a cursor the feed returned (next, an event's sequence) or leave after out");
        }
    }

    private static Set<String> types(Context ctx) {
        Set<String> types = new LinkedHashSet<>();
        for (String param : ctx.queryParams("type")) {
            if (param.isBlank()) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "type must name event types, not be"
                        + " empty; leave type out for all types");
            }
            for (String t : param.split(",")) {
                String name = t.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (ChangeEventType.ofWireName(name).isEmpty()) {
                    throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "type '" + Params.shown(name)
                            + "' is no event type; the types are " + ChangeEventType.wireNames());
                }
                types.add(name);
            }
        }
        return types;
    }

    /** {@code {"events": [...], "next": "..."}}, each event written once by {@link CloudEventJson}. */
    private static void answer(Context ctx, ChangeEventPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"events\":[".getBytes(StandardCharsets.UTF_8));
        List<RecordedChangeEvent> events = page.events();
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(CloudEventJson.render(events.get(i)));
        }
        out.writeBytes(("],\"next\":\"" + page.next().cursor() + "\"}").getBytes(StandardCharsets.UTF_8));
        ctx.contentType("application/json").result(out.toByteArray());
    }

    /** Stops the waits' scheduler; waiting requests are not answered any more. */
    @Override
    public void close() {
        waits.close();
    }
}
