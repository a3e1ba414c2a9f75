package io.metering.adapters.http.counter;

import io.metering.adapters.http.json.WireCodes;
import io.metering.application.port.in.meter.CounterView;
import io.metering.domain.counter.Counter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters as the contract's {@code MeterCounter} JSON: BaseEntity fields, the register's
 * attributes, {@code register_capacity} (this product's extension), the derived
 * {@code last_reading}, {@code current_consumption}, {@code forecast_reading_value} (a string, as
 * the contract types it) and {@code forecast_as_of}, then every other attribute as it was sent.
 *
 * <p>Written by hand for the same reason as {@link io.metering.adapters.http.meter.MeterJson}: the
 * open attribute map is spread into the object itself.
 */
public final class CounterJson {
    /** The counter's {@code _schema}. */
    public static final String SCHEMA = "meter_counter";

    private CounterJson() {}

    /** A counter with its derived values (those absent are left out). */
    public static Map<String, Object> counter(CounterView view) {
        Map<String, Object> out = counter(view.counter());
        putIfPresent(out, "last_reading", view.lastReading());
        putIfPresent(out, "current_consumption", view.currentConsumption());
        BigDecimal forecast = view.forecastReadingValue();
        if (forecast != null) {
            out.put("forecast_reading_value", forecast.signum() == 0 ? "0" : forecast.stripTrailingZeros().toPlainString());
        }
        putIfPresent(out, "forecast_as_of", view.forecastAsOf());
        return out;
    }

    /** A counter without derived values (as answered by writes). */
    public static Map<String, Object> counter(Counter c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", WireCodes.id(c.id()));
        out.put("_schema", SCHEMA);
        // the contract requires _title; untitled counters are titled by their OBIS number, else id
        out.put("_title", c.title() != null ? c.title() : c.obisNumber() != null ? c.obisNumber() : c.id().toString());
        out.put("_org", c.org().value());
        out.put("_created_at", c.createdAt());
        out.put("_updated_at", c.updatedAt());
        out.put("meter_id", WireCodes.id(c.meterId()));
        putIfPresent(out, "obis_number", c.obisNumber());
        putIfPresent(out, "direction", WireCodes.code(c.direction()));
        putIfPresent(out, "tariff_type", WireCodes.code(c.tariffType()));
        putIfPresent(out, "unit", c.unit());
        putIfPresent(out, "transformer_ratio", c.transformerRatio());
        putIfPresent(out, "conversion_factor", c.conversionFactor());
        putIfPresent(out, "register_capacity", c.registerCapacity());
        c.attributes().forEach(out::putIfAbsent);
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
