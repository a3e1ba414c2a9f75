package io.metering.domain.reading;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import java.util.Objects;

/**
 * A reading proposed for writing, with what the rules need to judge it.
 *
 * @param index position in the request, named in rejection messages ({@code readings[index]})
 * @param reading the proposed reading
 * @param meter its meter
 * @param counter its counter
 * @param statusSetByWriter whether the writer chose the status, which plausibility then leaves alone
 */
public record ReadingCandidate(int index, Reading reading, Meter meter, Counter counter, boolean statusSetByWriter) {
    /** @throws NullPointerException if a part is null */
    public ReadingCandidate {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(counter, "counter");
    }

    /**
     * A candidate whose status, if it has one, is the writer's choice.
     *
     * @param index position in the request
     * @param reading the proposed reading
     * @param meter its meter
     * @param counter its counter
     */
    public ReadingCandidate(int index, Reading reading, Meter meter, Counter counter) {
        this(index, reading, meter, counter, reading.status() != null);
    }
}
