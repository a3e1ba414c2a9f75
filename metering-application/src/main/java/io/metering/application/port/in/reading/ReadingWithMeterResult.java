package io.metering.application.port.in.reading;

import io.metering.domain.counter.Counter;

/**
 * Outcome of createReadingWithMeter.
 *
 * @param counter the counter written to
 * @param counterCreated whether the counter was created by this request
 * @param outcome the stored reading, or the pending changeset on a governed meter
 */
public record ReadingWithMeterResult(Counter counter, boolean counterCreated, ReadingOutcome outcome) {}
