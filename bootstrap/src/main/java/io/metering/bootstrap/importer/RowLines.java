package io.metering.bootstrap.importer;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The CSV line each data row starts on, so that a refusal by a write rule, which names only the row
 * ({@code readings[i]}), can name its line too (docs/import-export.md "Overview"). A quoted field
 * spanning lines or a skipped empty line shifts the line of every later row; only these shifts are
 * kept, not one number per row, so a file of a million plain rows costs one entry. Written by the
 * reading thread (a {@link Prefetch} runs ahead), read by the thread that met the refusal.
 */
final class RowLines {
    /** first row of each run of rows whose line is row + offset, to that offset */
    private final TreeMap<Long, Long> offsets = new TreeMap<>();
    private long rows;

    /** Notes that data row {@code row} (0-based, in the order rows are handed over) starts on {@code line}. */
    synchronized void record(long row, long line) {
        long offset = line - row;
        Map.Entry<Long, Long> before = offsets.floorEntry(row);
        if (before == null || before.getValue() != offset) {
            offsets.put(row, offset);
        }
        rows = Math.max(rows, row + 1);
    }

    /** The line data row {@code row} starts on, or empty for a row not read (yet). */
    synchronized OptionalLong lineOf(long row) {
        Map.Entry<Long, Long> run = offsets.floorEntry(row);
        return row < 0 || row >= rows || run == null ? OptionalLong.empty() : OptionalLong.of(row + run.getValue());
    }
}
