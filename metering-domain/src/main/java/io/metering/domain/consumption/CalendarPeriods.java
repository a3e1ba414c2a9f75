package io.metering.domain.consumption;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a time span into calendar periods of a time zone (docs/domain.md#values-instants-days:
 * calendar questions use the business time zone). A period runs from local midnight to local
 * midnight, so a day is 23 h or 25 h long on the days daylight saving time starts or ends (in
 * {@code Europe/Berlin}, 2025-03-30 and 2025-10-26). Weeks are ISO weeks starting on Monday. The
 * first and last period are cut to the span, so the periods partition it exactly.
 */
public final class CalendarPeriods {
    private CalendarPeriods() {}

    /**
     * @param span the span to split
     * @param interval the period length; {@link Interval#PERIOD} keeps the span whole
     * @param zone the zone whose calendar is used
     * @param maxPeriods the most periods allowed
     * @return the periods in time order, contiguous, first starting at the span's start and last
     *     ending at its end
     * @throws InvalidRequestException {@code invalid_parameter} when the span holds more than
     *     {@code maxPeriods} periods
     */
    public static List<Period> split(Period span, Interval interval, ZoneId zone, int maxPeriods) {
        if (interval == Interval.PERIOD) {
            return List.of(span);
        }
        List<Period> out = new ArrayList<>();
        LocalDate day = first(span.start().atZone(zone).toLocalDate(), interval);
        Instant start = span.start();
        while (start.isBefore(span.end())) {
            day = next(day, interval);
            Instant boundary = day.atStartOfDay(zone).toInstant();
            Instant end = boundary.isBefore(span.end()) ? boundary : span.end();
            if (out.size() == maxPeriods) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "the span from " + span.start() + " to "
                        + span.end() + " holds more than " + maxPeriods + " periods of one " + interval.code()
                        + "; ask for a shorter span or a longer interval");
            }
            out.add(new Period(start, end));
            start = end;
        }
        return out;
    }

    /** The first day of the calendar period holding {@code date}. */
    private static LocalDate first(LocalDate date, Interval interval) {
        return switch (interval) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            case PERIOD -> throw new IllegalArgumentException("a billing period has no calendar");
        };
    }

    private static LocalDate next(LocalDate first, Interval interval) {
        return switch (interval) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
            case YEAR -> first.plusYears(1);
            case PERIOD -> throw new IllegalArgumentException("a billing period has no calendar");
        };
    }
}
