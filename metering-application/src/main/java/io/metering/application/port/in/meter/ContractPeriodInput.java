package io.metering.application.port.in.meter;

import io.metering.domain.time.TimeInput;

/**
 * A supply period as a client gives it: bounds that are exact instants or calendar dates. The use
 * case reads dates as whole days in the business zone, so an end date includes that day
 * (docs/domain.md#business-days).
 *
 * @param start the first instant or day, null for open
 * @param end the last instant or day, null for open
 */
public record ContractPeriodInput(TimeInput start, TimeInput end) {}
