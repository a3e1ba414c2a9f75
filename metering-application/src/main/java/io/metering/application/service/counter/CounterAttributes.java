package io.metering.application.service.counter;

import io.metering.application.service.shared.AttributeReader;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.reading.ReadingValues;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Applies counter attributes, given by their contract names, to a counter; unknown attributes are
 * kept as sent. {@code register_capacity} is this product's extension (docs/domain.md register rollover).
 */
final class CounterAttributes {
    /** Attributes derived by the service; sent values are ignored. */
    static final Set<String> DERIVED = Set.of("_id", "_org", "_schema", "_created_at", "_updated_at", "meter_id",
            "last_reading", "current_consumption", "forecast_reading_value", "forecast_as_of");

    private CounterAttributes() {}

    static void apply(Counter.Builder builder, Counter current, Map<String, Object> attributes) {
        builder.attributes(AttributeReader.apply(attributes, "meter_counter", current == null ? Map.of() : current.attributes(),
                DERIVED, (name, v) -> typed(builder, name, v)));
    }

    /** Sets the counter's typed attribute {@code name}; false when the name is not one. */
    private static boolean typed(Counter.Builder builder, String name, Object v) {
        switch (name) {
            case "_title" -> builder.title(AttributeReader.text(name, v));
            case "obis_number" -> builder.obisNumber(AttributeReader.text(name, v));
            case "direction" -> builder.direction(AttributeReader.code(name, v, Direction::fromCode, "feed-in, feed-out"));
            case "tariff_type" -> builder.tariffType(AttributeReader.code(name, v, TariffType::fromCode, "ht, nt"));
            case "unit" -> builder.unit(AttributeReader.text(name, v));
            case "transformer_ratio" -> builder.transformerRatio(factor(name, v));
            case "conversion_factor" -> builder.conversionFactor(factor(name, v));
            case "register_capacity" -> builder.registerCapacity(capacity(name, v));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A register holds whole numbers of digits' worth of values: its capacity is a whole number. */
    private static BigDecimal capacity(String name, Object v) {
        BigDecimal d = factor(name, v);
        if (d != null && (d.signum() <= 0 || d.stripTrailingZeros().scale() > 0)) {
            throw AttributeReader.invalid(name + " must be a whole number of at least 1, e.g. 100000 for five digits");
        }
        return d;
    }

    private static BigDecimal factor(String name, Object v) {
        BigDecimal d = AttributeReader.decimal(name, v);
        return d == null ? null : ReadingValues.normalize(d, name);
    }
}
