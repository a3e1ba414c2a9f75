package io.metering.adapters.http.consumption;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/metering/consumption/{meter_id}/{counter_id}} (this product's
 * analytics). Exact decimals throughout. A counter without declared unit or factors leaves those
 * out; a period without value shows its absent numbers as {@code null}, so "no value" is never
 * mistaken for zero.
 *
 * @param meterId the meter
 * @param counterId the counter
 * @param direction the series measured
 * @param interval {@code day}, {@code week}, {@code month}, {@code year} or {@code period}
 * @param timeZone the calendar's IANA time zone
 * @param start the span's first instant
 * @param end the instant after the span
 * @param unit the counter's register unit
 * @param transformerRatio the counter's transformer ratio, if declared
 * @param conversionFactor the counter's conversion factor, if declared
 * @param energyFactor transformer ratio x conversion factor (1 when neither is declared)
 * @param periods one entry per period, in time order
 * @param total sums over the periods that have a value
 * @param basis {@code interval_values} when the counter's load profile measured the span
 *     (docs/load-profiles.md); absent when its readings did
 */
record ConsumptionResponse(
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        String direction,
        String interval,
        @JsonProperty("time_zone") String timeZone,
        Instant start,
        Instant end,
        String unit,
        @JsonProperty("transformer_ratio") BigDecimal transformerRatio,
        @JsonProperty("conversion_factor") BigDecimal conversionFactor,
        @JsonProperty("energy_factor") BigDecimal energyFactor,
        List<PeriodResponse> periods,
        TotalResponse total,
        @JsonInclude(JsonInclude.Include.NON_NULL) String basis) {

    /**
     * One period.
     *
     * @param start the period's first instant
     * @param end the instant after it
     * @param startValue the register at {@code start}, null before the first plausible reading
     * @param endValue the register at {@code end}, null after the last plausible reading
     * @param startInterpolated whether {@code start_value} is an estimate rather than a reading at
     *     that instant
     * @param endInterpolated the same for {@code end_value}
     * @param consumption register consumption (register units), null without both values
     * @param energy consumption x energy factor, null without consumption
     * @param decreasing whether the register decreases within the period without a rollover or
     *     meter change (a drop only {@code skip_validation} can store); consumption then counts the
     *     drop, so it may be negative
     * @param prorated from interval values: an interval crossing the period's start or end counts
     *     with its share by time; absent for readings
     * @param incomplete from interval values: the intervals do not cover the whole period (gaps);
     *     absent for readings
     * @param overlapping from interval values: intervals inside the period overlap and each counts;
     *     absent for readings
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PeriodResponse(
            Instant start,
            Instant end,
            @JsonProperty("start_value") BigDecimal startValue,
            @JsonProperty("end_value") BigDecimal endValue,
            @JsonProperty("start_interpolated") Boolean startInterpolated,
            @JsonProperty("end_interpolated") Boolean endInterpolated,
            BigDecimal consumption,
            BigDecimal energy,
            boolean decreasing,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean prorated,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean incomplete,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean overlapping) {}

    /**
     * Totals.
     *
     * @param consumption the sum of the periods' consumption, null when none has one
     * @param energy the sum of the periods' energy, null when none has one
     * @param periodsWithoutValue how many periods have no value
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TotalResponse(
            BigDecimal consumption,
            BigDecimal energy,
            @JsonProperty("periods_without_value") int periodsWithoutValue) {}
}
