package io.metering.application.port.out;

import io.metering.domain.reading.SeriesPoint;
import java.util.Optional;

/**
 * What is stored around a {@link SeriesSpan}. When nothing is stored inside the span, the stored
 * neighbours of every instant in it are {@code before} and {@code after}, so the write rules can be
 * checked against stored data at the span's boundaries only.
 *
 * @param before the nearest stored plausible reading strictly before the span
 * @param after the nearest stored plausible reading strictly after the span
 * @param occupied whether any reading (plausible or not) is stored within the span, ends included
 */
public record SpanNeighbours(Optional<SeriesPoint> before, Optional<SeriesPoint> after, boolean occupied) {
    /** Nothing stored around or inside. */
    public static final SpanNeighbours EMPTY = new SpanNeighbours(Optional.empty(), Optional.empty(), false);
}
