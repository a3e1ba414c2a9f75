package io.metering.application.port.out;

import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox of change events (docs/events.md): appended in the transaction of the change they
 * describe, read back per organization in position order. A reader never sees an event of a
 * transaction that is still open, nor of one that started before such a transaction, so no event
 * can later appear below a position a reader has passed (no event is skipped when transactions
 * commit out of order).
 */
public interface ChangeEventStore {
    /**
     * Appends events in the current transaction ({@link Transactions#inTransaction}); they become
     * readable once it commits and are gone if it rolls back. Events of one call and of one
     * transaction keep their order.
     */
    void append(List<ChangeEvent> events);

    /**
     * The organization's events after a position, in position order, among those of transactions
     * that have all ended.
     *
     * @param after the position read up to ({@link EventPosition#START} for the oldest kept event)
     * @param limit at most this many events, at least 1
     * @param types only events of these types (CloudEvents {@code type}); empty for all
     */
    ChangeEventPage read(OrganizationId org, EventPosition after, int limit, Set<String> types);

    /**
     * The organization's newest readable position: the last of its events among those of
     * transactions that have all ended, or {@link EventPosition#START} when it has none. Every event
     * readable later lies after it (where a new webhook subscription starts, docs/webhooks.md).
     */
    EventPosition newest(OrganizationId org);

    /**
     * Whether a position lies beyond every transaction the database has begun, so that no read of
     * the feed can have handed it out (the feed shows only events of ended transactions,
     * docs/events.md "Ordering"). Judged on the transaction id alone: the sequence half of a real
     * position can be anything.
     */
    boolean isAheadOfFeed(EventPosition position);

    /**
     * Deletes the events (of every organization) made before an instant, and moves the horizon
     * ({@link #purgedUpTo}) to the highest position deleted. Safe to run from several instances
     * at once.
     *
     * @return how many events it deleted
     */
    int purgeBefore(Instant cutoff);

    /**
     * The highest position a purge has deleted, if any: a cursor below it may have missed events
     * that are gone (the feed answers 410).
     */
    Optional<EventPosition> purgedUpTo();
}
