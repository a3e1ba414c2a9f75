package io.metering.application.port.in.meter;

import io.metering.domain.counter.Counter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A counter with its derived values (docs/domain.md#reading-the-series).
 *
 * @param counter the counter
 * @param lastReading timestamp of its latest plausible reading, null if none
 * @param currentConsumption value of that reading, null if none
 * @param forecastReadingValue the register value expected at {@code forecastAsOf}, null when history
 *     is too short
 * @param forecastAsOf the date of the forecast, null without forecast
 */
public record CounterView(Counter counter, Instant lastReading, BigDecimal currentConsumption,
        BigDecimal forecastReadingValue, LocalDate forecastAsOf) {}
