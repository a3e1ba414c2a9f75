package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.outbox.LegacyEventRows;
import io.metering.adapters.persistence.outbox.PackedEvents;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.EventPosition;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the outbox packs events into {@code change_event} rows (V7, docs/events.md "Ordering"): the
 * events of one append become one row per run of equal organization, time and actor (one row for a
 * whole write), at most {@link #MAX_EVENTS} each, in the packed form of {@link PackedEvents} (rows
 * written before it hold a JSON array, {@link LegacyEventRows}, and are read as they were). An event's position packs its row's seq and its
 * index within the row into {@link EventPosition#seq()}: {@code (row seq << 24) | index}.
 */
final class OutboxRows {
    /**
     * Events per row at most (the index has room for 2^24): a reader resuming inside a row unpacks
     * the whole row again, so a large write (a prune deleting a million readings) is split.
     */
    static final int MAX_EVENTS = 1000;

    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private OutboxRows() {
    }

    /**
     * One row to insert.
     *
     * @param text the events, packed ({@link PackedEvents})
     * @param types the distinct event types in the row, in first-seen order
     * @param count how many events the row holds
     */
    record Row(OrganizationId org, Instant time, String actor, Set<String> types, int count, String text) {
    }

    /** The rows for an append's events, in their order. */
    static List<Row> of(List<ChangeEvent> events) {
        return of(events, MAX_EVENTS);
    }

    static List<Row> of(List<ChangeEvent> events, int maxEvents) {
        List<Row> rows = new ArrayList<>(1);
        int from = 0;
        while (from < events.size()) {
            ChangeEvent first = events.get(from);
            int to = from + 1;
            while (to < events.size() && to - from < maxEvents && sameRow(first, events.get(to))) {
                to++;
            }
            rows.add(row(events.subList(from, to)));
            from = to;
        }
        return rows;
    }

    /** The position of the event at {@code index} in the row (tx, seq). */
    static EventPosition position(long txId, long rowSeq, int index) {
        return new EventPosition(txId, (rowSeq << INDEX_BITS) | index);
    }

    /** The row seq a position lies in. */
    static long rowSeq(EventPosition position) {
        return position.seq() >>> INDEX_BITS;
    }

    /** The position's index within its row. */
    static int index(EventPosition position) {
        return (int) (position.seq() & INDEX_MASK);
    }

    private static boolean sameRow(ChangeEvent a, ChangeEvent b) {
        return a.org().equals(b.org()) && a.time().equals(b.time()) && a.actor().equals(b.actor());
    }

    private static Row row(List<ChangeEvent> events) {
        ChangeEvent first = events.get(0);
        Set<String> types = new LinkedHashSet<>();
        for (ChangeEvent e : events) {
            types.add(e.type());
        }
        return new Row(first.org(), first.time(), first.actor(), types, events.size(), PackedEvents.pack(events));
    }

    /**
     * The events of a stored row, in either form: packed ({@link PackedEvents}) or, written before
     * it, a JSON array ({@link LegacyEventRows}).
     */
    static List<ChangeEvent> events(String stored, OrganizationId org, Instant time, String actor) {
        if (PackedEvents.isPacked(stored)) {
            return PackedEvents.unpack(stored, org, time, actor);
        }
        if (LegacyEventRows.isLegacy(stored)) {
            return LegacyEventRows.unpack(stored, org, time, actor);
        }
        throw new IllegalStateException("an outbox row in an unknown form");
    }
}
