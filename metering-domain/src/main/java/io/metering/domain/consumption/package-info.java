/**
 * Metering analytics on a series of cumulative readings (docs/domain.md#reading-the-series): the
 * consumption rate from recent history ({@link io.metering.domain.consumption.RateWindow}), the
 * extrapolation of the register ({@link io.metering.domain.consumption.ForecastRule}, which the
 * forecast and plausibility packages use) and consumption by calendar or billing period with interpolated boundary values
 * ({@link io.metering.domain.consumption.ConsumptionCurve},
 * {@link io.metering.domain.consumption.ConsumptionByPeriod}).
 *
 * <p>Everything here is pure: exact {@link java.math.BigDecimal} arithmetic, time passed in, only
 * plausible points (implausible ones are filtered out wherever a series enters), segments (meter
 * change, meter adjustment) and register rollover respected throughout.
 */
package io.metering.domain.consumption;
