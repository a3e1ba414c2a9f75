package io.metering.application.port.in.events;

import io.metering.application.access.Caller;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import java.util.Optional;
import java.util.Set;

/**
 * The pull feed of change events (docs/events.md "Feed"): the caller's organization's events after
 * a cursor, in order. Admin only.
 */
public interface ChangeEventFeedQuery {
    /** The default page size. */
    int DEFAULT_LIMIT = 100;
    /** The largest page. */
    int MAX_LIMIT = 1000;

    /**
     * @param after the cursor read up to; empty for the oldest kept event
     * @param limit at most this many events, 1 to {@link #MAX_LIMIT}
     * @param types only events of these types; empty for all
     * @return the page, or empty when the cursor lies before the retention horizon: events after
     *     it were purged, so the consumer has missed some (HTTP 410 {@code cursor_expired})
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     */
    Optional<ChangeEventPage> read(Caller caller, Optional<EventPosition> after, int limit, Set<String> types);
}
