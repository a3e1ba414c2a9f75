package io.metering.application.port.out;

import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The store's fast path for large imports: what is stored around whole spans of a series, and an
 * append of many new readings. Callers lock the affected counters first
 * ({@link CounterRepository#lockForReadingWrite}), as for every reading write.
 */
public interface ReadingBulkStore {
    /**
     * For each span, the stored readings around it and whether any lies inside. Answered in a
     * constant number of queries, whatever the number of spans.
     *
     * @return one entry per distinct series of the spans
     */
    Map<SeriesKey, SpanNeighbours> around(OrganizationId org, Collection<SeriesSpan> spans);

    /**
     * Stores new readings, none of whose keys may be stored, the fastest way the store has.
     *
     * @throws RuntimeException if a key is stored already; the caller's transaction is then unusable
     */
    void append(OrganizationId org, List<Reading> readings);

    /**
     * Opens an append that may run behind the caller, inside the caller's transaction: the caller
     * hands over batches and goes on (validating the next one) while the store writes. Between
     * {@link Appender#add} and {@link Appender#drain} the transaction's connection belongs to the
     * appender, so the caller must not use the store; after {@code drain} it may again. This
     * default appends each batch at once, on the caller's thread.
     *
     * @throws IllegalStateException outside a read-write transaction, where the store needs one
     */
    default Appender openAppender(OrganizationId org) {
        return new Appender() {
            @Override
            public void add(List<Reading> readings) {
                append(org, readings);
            }

            @Override
            public void drain() {
                // every batch is stored when add returns
            }

            @Override
            public void close() {
                // nothing runs behind
            }
        };
    }

    /** An append in progress; see {@link #openAppender}. Used by one thread. */
    interface Appender extends AutoCloseable {
        /**
         * Hands over readings to store, none of whose keys may be stored or handed over before. May
         * wait while earlier batches are written, so that memory stays bounded.
         *
         * @throws RuntimeException a failure of an earlier batch (the transaction is then unusable)
         */
        void add(List<Reading> readings);

        /**
         * Waits until every batch handed over is stored; the transaction is then the caller's again.
         *
         * @throws RuntimeException if a batch could not be stored (the transaction is then unusable)
         */
        void drain();

        /** Stops, abandoning what is not yet stored; call drain first to keep it. */
        @Override
        void close();
    }
}
