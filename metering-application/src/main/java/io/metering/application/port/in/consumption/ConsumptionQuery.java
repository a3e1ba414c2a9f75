package io.metering.application.port.in.consumption;

/**
 * Consumption of one counter per day, week, month or year, or over one billing period (this
 * product's analytics; docs/domain.md#reading-the-series), for admins and portal users (their own
 * meters only).
 *
 * <p>Periods are calendar periods of the requested time zone (the business time zone unless one is
 * named), cut to the requested span; a day is 23 h or 25 h when daylight saving time starts or ends.
 * A period's boundary values are the readings there, else interpolated linearly between the
 * surrounding plausible readings of one segment, else (between a segment's last reading and the next
 * segment's start) the last value carried; each boundary value is computed once and shared by the
 * periods meeting there, so the periods add up exactly to the whole span. Consumption is the sum of
 * register advances (wrap-aware, zero across a segment break, never negative); energy is consumption
 * x transformer ratio x conversion factor. A period whose start lies before the first plausible
 * reading, or whose end lies after the last, has no value. Implausible readings take no part.
 */
public interface ConsumptionQuery {
    /** The most periods one request may ask for. */
    int MAX_PERIODS = 1000;

    /**
     * @throws io.metering.domain.error.NotFoundException the meter or counter is unknown, outside the
     *     caller's reach, or the counter is not the meter's
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_parameter} when the span
     *     is empty or reversed, or holds more than {@value #MAX_PERIODS} periods
     */
    ConsumptionReport consumption(ConsumptionRequest request);
}
