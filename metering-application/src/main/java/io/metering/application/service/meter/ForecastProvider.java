package io.metering.application.service.meter;

import io.metering.domain.counter.Counter;
import io.metering.domain.reading.Reading;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The register value a counter is expected to show at a date, from its consumption rate
 * (docs/domain.md#reading-the-series: {@code forecast_reading_value} / {@code forecast_as_of}). The
 * product's implementation is {@link HistoryForecastProvider}.
 */
@FunctionalInterface
public interface ForecastProvider {
    /** Gives no forecasts. */
    ForecastProvider NONE = (org, counter, latest, date) -> Optional.empty();

    /**
     * A forecast.
     *
     * @param value the expected register value
     * @param asOf the date it is expected at
     */
    record Forecast(BigDecimal value, LocalDate asOf) {}

    /**
     * @param org the organization
     * @param counter the counter
     * @param latest its latest plausible reading, null if none
     * @param date the date to forecast (callers pass today in the business time zone by default)
     * @return the forecast for {@code date}, or empty when history is too short
     */
    Optional<Forecast> forecast(OrganizationId org, Counter counter, Reading latest, LocalDate date);
}
