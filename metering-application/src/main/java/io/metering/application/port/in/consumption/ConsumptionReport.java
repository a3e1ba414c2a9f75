package io.metering.application.port.in.consumption;

import io.metering.domain.consumption.ConsumptionTable;
import io.metering.domain.consumption.Interval;
import io.metering.domain.consumption.Period;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import java.time.ZoneId;

/**
 * The answer of {@link ConsumptionQuery}.
 *
 * @param counter the counter (unit, transformer ratio, conversion factor)
 * @param direction the series measured
 * @param interval the period length
 * @param zone the calendar's time zone
 * @param span the whole span, {@code [start, end)}
 * @param table consumption and energy per period and in total
 * @param fromIntervalValues whether the table comes from the counter's interval values (load profile)
 *     rather than its readings
 */
public record ConsumptionReport(Counter counter, Direction direction, Interval interval, ZoneId zone, Period span,
        ConsumptionTable table, boolean fromIntervalValues) {
    /** A report from readings. */
    public ConsumptionReport(Counter counter, Direction direction, Interval interval, ZoneId zone, Period span, ConsumptionTable table) {
        this(counter, direction, interval, zone, span, table, false);
    }
}
