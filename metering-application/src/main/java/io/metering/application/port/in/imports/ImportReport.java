package io.metering.application.port.in.imports;

/**
 * What an import stored.
 *
 * @param rows readings stored
 * @param chunks chunks they were validated and written in
 * @param chunksCheckedReadingByReading chunks that overlapped stored readings of a series and were
 *     therefore checked against each stored neighbour, not only at the chunk's boundaries
 * @param implausible readings the import left with status {@code implausible}: of {@code rows}, those
 *     marked by the file or by the plausibility rule, and any reading (of the file or stored before)
 *     a later reading showed to be a unit slip (docs/domain.md#implausible-readings,
 *     docs/domain.md#a-slip-shown-by-a-later-reading). They take no part in ordering checks, so the
 *     import says how many there are
 */
public record ImportReport(long rows, long chunks, long chunksCheckedReadingByReading, long implausible) {
    /** A report without implausible readings. */
    public ImportReport(long rows, long chunks, long chunksCheckedReadingByReading) {
        this(rows, chunks, chunksCheckedReadingByReading, 0);
    }
}
