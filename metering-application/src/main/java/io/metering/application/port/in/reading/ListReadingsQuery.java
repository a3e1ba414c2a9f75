package io.metering.application.port.in.reading;

/** Reads a counter's readings in an interval (docs/domain.md#reading-the-series). */
public interface ListReadingsQuery {
    /**
     * @param request what to read
     * @return the window, hits and the first reading's timestamp
     * @throws io.metering.domain.error.NotFoundException meter or counter outside the caller's reach
     * @throws io.metering.domain.error.InvalidRequestException start after end
     */
    ReadingsPage list(ReadingsRequest request);

    /**
     * {@link #list}, streamed: the same readings, values and totals, handed to {@code sink} as the
     * store yields them, in one consistent snapshot, so that a whole series of millions of readings
     * needs no more memory than a page. At most {@link #CONCURRENT_STREAMS} streams read at once,
     * each holding one database connection; further ones wait their turn without holding one, so
     * the other requests always find a connection.
     *
     * @param request what to read
     * @param sink receives the totals, the readings and the pending changesets, in that order
     * @throws io.metering.domain.error.NotFoundException meter or counter outside the caller's
     *     reach, before the sink receives anything
     * @throws io.metering.domain.error.InvalidRequestException start after end, likewise
     */
    void stream(ReadingsRequest request, ReadingsSink sink);

    /** How many streams ({@link #stream}) read at once. */
    int CONCURRENT_STREAMS = 3;
}
