package io.metering.adapters.http.counter;

import static io.metering.adapters.http.json.AttributeValues.change;

import io.metering.adapters.http.json.AttributeValues;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The contract's {@code MeterCounter} body (and this product's {@code register_capacity}) as a typed
 * {@link CounterChanges}: where the wire format of counters ends. An absent attribute keeps,
 * {@code null} clears, a value sets; attributes the service derives are ignored; every other
 * attribute is passed through as sent.
 */
public final class CounterCommands {
    /** Attributes derived by the service; sent values are ignored. */
    static final Set<String> DERIVED = Set.of("_id", "_org", "_schema", "_created_at", "_updated_at", "meter_id",
            "last_reading", "current_consumption", "forecast_reading_value", "forecast_as_of");

    private CounterCommands() {}

    /**
     * The id a create names ({@code _id}), or null for a fresh one.
     *
     * @throws InvalidRequestException {@code invalid_parameter} if it is not a UUID text
     */
    public static CounterId id(Map<String, Object> body) {
        UUID id = AttributeValues.id(body.get("_id"));
        return id == null ? null : new CounterId(id);
    }

    /**
     * The changes an update body asks for.
     *
     * @throws InvalidRequestException {@code missing_params} for an empty body, else as {@link #changes}
     */
    public static CounterChanges update(Map<String, Object> body) {
        if (body.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "no attributes to update");
        }
        return changes(body);
    }

    /**
     * @param body the attributes by their contract names, in body order
     * @throws InvalidRequestException {@code invalid_parameter} naming the first attribute of a wrong
     *     type or value (an OBIS number that is no OBIS code among them), {@code invalid_value} for
     *     factors of unsupported size
     */
    public static CounterChanges changes(Map<String, Object> body) {
        CounterChanges.Builder b = CounterChanges.builder();
        AttributeValues.walk(body, CounterJson.SCHEMA, DERIVED, (name, v) -> named(b, name, v), b::extra);
        return b.build();
    }

    /** Takes the counter's named attribute {@code name}; false when the name is not one. */
    private static boolean named(CounterChanges.Builder b, String name, Object v) {
        switch (name) {
            case "_title" -> b.title(change(v, x -> AttributeValues.text(name, x)));
            case "obis_number" -> b.obisNumber(change(v, x -> AttributeValues.text(name, x)));
            case "direction" -> b.direction(change(v, x -> AttributeValues.code(name, x, Direction::fromCode, "feed-in, feed-out")));
            case "tariff_type" -> b.tariffType(change(v, x -> AttributeValues.code(name, x, TariffType::fromCode, "ht, nt")));
            case "unit" -> b.unit(change(v, x -> AttributeValues.text(name, x)));
            case "transformer_ratio" -> b.transformerRatio(change(v, x -> AttributeValues.decimal(name, x)));
            case "conversion_factor" -> b.conversionFactor(change(v, x -> AttributeValues.decimal(name, x)));
            case "register_capacity" -> b.registerCapacity(change(v, x -> AttributeValues.decimal(name, x)));
            default -> {
                return false;
            }
        }
        return true;
    }
}
