package io.metering.application.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The position of a change event in the feed: the id of the transaction that recorded it and the
 * event's sequence number, ordered by transaction id first (docs/events.md "Ordering"). Exposed to
 * clients as one opaque cursor string that sorts as the position does: 32 lower-case hex digits,
 * transaction id then sequence number, each 16 digits wide.
 *
 * @param txId the recording transaction's 64-bit id (PostgreSQL {@code xid8}), at least 0
 * @param seq the event's sequence number, at least 0
 */
public record EventPosition(long txId, long seq) implements Comparable<EventPosition> {
    /** Before every event: the position of a consumer that has read nothing. */
    public static final EventPosition START = new EventPosition(0, 0);

    private static final int WIDTH = 32;

    /** @throws IllegalArgumentException if a part is negative */
    public EventPosition {
        if (txId < 0 || seq < 0) {
            throw new IllegalArgumentException("an event position is never negative: " + txId + "/" + seq);
        }
    }

    /**
     * Reads a cursor written by {@link #cursor()}.
     *
     * @throws IllegalArgumentException if the text is no cursor
     */
    public static EventPosition parse(String cursor) {
        Objects.requireNonNull(cursor, "cursor");
        if (cursor.length() != WIDTH || !cursor.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a cursor is 32 lower-case hex digits as the feed returns it");
        }
        // each half is a non-negative 64-bit number: its first hex digit is at most 7
        if (cursor.charAt(0) > '7' || cursor.charAt(16) > '7') {
            throw new IllegalArgumentException("a cursor is 32 lower-case hex digits as the feed returns it; this one is out of range");
        }
        return new EventPosition(Long.parseLong(cursor.substring(0, 16), 16), Long.parseLong(cursor.substring(16), 16));
    }

    /** The cursor clients see: sorts (as text) exactly as positions do. */
    public String cursor() {
        return String.format(Locale.ROOT, "%016x%016x", txId, seq);
    }

    @Override
    public int compareTo(EventPosition o) {
        int byTx = Long.compare(txId, o.txId);
        return byTx != 0 ? byTx : Long.compare(seq, o.seq);
    }

    /** Whether this position lies before {@code other}. */
    public boolean isBefore(EventPosition other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return cursor();
    }
}
