package io.metering.application.port.out;

import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesPoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is stored in one window of a series ({@link ReadingRepository#storedWindows}): every reading
 * inside it and the nearest plausible readings just outside. A write whose span lies inside the
 * window learns from it both the stored readings of its business days (echoes,
 * docs/domain.md#same-reading-same-business-day) and its span's neighbours ({@link SpanNeighbours}),
 * in one round trip.
 *
 * @param window the window asked for
 * @param stored every reading stored in the window (plausible or not, ends included), in time order
 * @param before the nearest plausible reading strictly before the window
 * @param after the nearest plausible reading strictly after the window
 */
public record StoredWindow(SeriesSpan window, List<Reading> stored, Optional<SeriesPoint> before, Optional<SeriesPoint> after) {
    public StoredWindow {
        Objects.requireNonNull(window, "window");
        stored = List.copyOf(stored);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * What {@link ReadingRepository#around} would answer for a span inside the window: the latest
     * plausible reading before it (inside the window, else {@link #before}), the earliest after it,
     * and whether any reading lies in it.
     *
     * @throws IllegalArgumentException if the span is of another series or reaches outside the window
     */
    public SpanNeighbours around(SeriesSpan span) {
        if (!span.series().equals(window.series()) || span.from().isBefore(window.from()) || span.to().isAfter(window.to())) {
            throw new IllegalArgumentException("span " + span + " is not inside the window " + window);
        }
        Optional<SeriesPoint> previous = before;
        Optional<SeriesPoint> next = Optional.empty();
        boolean occupied = false;
        for (Reading r : stored) {
            Instant t = r.timestamp();
            if (t.isBefore(span.from())) {
                if (!r.isImplausible()) {
                    previous = Optional.of(r.point());
                }
            } else if (!t.isAfter(span.to())) {
                occupied = true;
            } else if (!r.isImplausible()) {
                next = Optional.of(r.point());
                break;
            }
        }
        return new SpanNeighbours(previous, next.isPresent() ? next : after, occupied);
    }
}
