package io.metering.application.port.in;

/**
 * What an import stored.
 *
 * @param rows readings stored
 * @param chunks chunks they were validated and written in
 * @param chunksCheckedReadingByReading chunks that overlapped stored readings of a series and were
 *     therefore checked against each stored neighbour, not only at the chunk's boundaries
 */
public record ImportReport(long rows, long chunks, long chunksCheckedReadingByReading) {}
