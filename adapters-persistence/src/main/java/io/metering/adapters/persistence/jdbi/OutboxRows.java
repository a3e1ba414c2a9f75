package io.metering.adapters.persistence.jdbi;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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
 * whole write), at most {@link #MAX_EVENTS} each, as a JSON array of {@code {id, type, subject,
 * data}} with each event's data written verbatim. An event's position packs its row's seq and its
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
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private OutboxRows() {
    }

    /**
     * One row to insert.
     *
     * @param json the events as a JSON array
     * @param types the distinct event types in the row, in first-seen order
     * @param count how many events the row holds
     */
    record Row(OrganizationId org, Instant time, String actor, Set<String> types, int count, String json) {
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
        // appended as text rather than through a JSON generator: the data is already JSON and the other
        // parts are quoted by Jackson's encoder, so each event's data is copied once (pre-sized: no regrowth)
        int size = 2;
        for (ChangeEvent e : events) {
            size += e.data().length() + e.subject().length() + e.type().length() + 80;
        }
        StringBuilder out = new StringBuilder(size).append('[');
        for (ChangeEvent e : events) {
            types.add(e.type());
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"id\":\"").append(e.id()).append("\",\"type\":\"");
            QUOTE.quoteAsString(e.type(), out);
            out.append("\",\"subject\":\"");
            QUOTE.quoteAsString(e.subject(), out);
            out.append("\",\"data\":").append(e.data()).append('}');
        }
        return new Row(first.org(), first.time(), first.actor(), types, events.size(), out.append(']').toString());
    }
}
