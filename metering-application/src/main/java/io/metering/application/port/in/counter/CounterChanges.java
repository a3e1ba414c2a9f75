package io.metering.application.port.in.counter;

import io.metering.application.model.FieldChange;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.ObisCode;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingValues;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a request does to a counter (contract schema {@code MeterCounter} and this product's
 * {@code register_capacity}): for every named field keep, clear or set; on create, keep means
 * none. Built by the HTTP adapter from the JSON body (an absent field keeps, {@code null} clears)
 * or with {@link #builder()}. Valid by construction.
 *
 * @param title {@code _title}
 * @param obisNumber the OBIS code, kept as given; it must be one (docs/domain.md#obis-code)
 * @param direction declared energy direction
 * @param tariffType declared tariff register (HT/NT)
 * @param unit unit of the register values, e.g. {@code kWh}
 * @param transformerRatio instrument-transformer factor, positive
 * @param conversionFactor factor from register unit to billed unit, positive
 * @param registerCapacity the value at which the register rolls over: a whole number of at least 1
 * @param extras every other attribute, passed through unchanged: plain JSON-like values (String,
 *     Boolean, BigDecimal, List, Map); a null value removes the attribute
 */
public record CounterChanges(FieldChange<String> title, FieldChange<String> obisNumber, FieldChange<Direction> direction,
        FieldChange<TariffType> tariffType, FieldChange<String> unit, FieldChange<BigDecimal> transformerRatio,
        FieldChange<BigDecimal> conversionFactor, FieldChange<BigDecimal> registerCapacity, Map<String, Object> extras) {
    /** Nothing changes. */
    public static final CounterChanges NONE = builder().build();

    /**
     * Normalizes the factors (exact decimals, trailing zeros dropped).
     *
     * @throws InvalidRequestException {@code invalid_parameter} for an OBIS number that is no OBIS code
     *     or a capacity that is not a whole number of at least 1; {@code invalid_value} for factors of
     *     unsupported size
     * @throws NullPointerException if a field change is null (use {@link FieldChange#keep()})
     */
    public CounterChanges {
        for (FieldChange<?> c : List.of(title, obisNumber, direction, tariffType, unit, transformerRatio, conversionFactor,
                registerCapacity)) {
            Objects.requireNonNull(c, "a field change");
        }
        if (obisNumber.sets()) {
            ObisCode.requireWellFormed(obisNumber.value());
        }
        transformerRatio = factor(transformerRatio, "transformer_ratio");
        conversionFactor = factor(conversionFactor, "conversion_factor");
        registerCapacity = factor(registerCapacity, "register_capacity");
        if (registerCapacity.sets()) {
            BigDecimal d = registerCapacity.value();
            if (d.signum() <= 0 || d.stripTrailingZeros().scale() > 0) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                        "register_capacity must be a whole number of at least 1, e.g. 100000 for five digits");
            }
        }
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    private static FieldChange<BigDecimal> factor(FieldChange<BigDecimal> change, String name) {
        return change.sets() ? FieldChange.set(ReadingValues.normalize(change.value(), name)) : change;
    }

    /** A builder where every field keeps. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects field changes. */
    public static final class Builder {
        private FieldChange<String> title = FieldChange.keep();
        private FieldChange<String> obisNumber = FieldChange.keep();
        private FieldChange<Direction> direction = FieldChange.keep();
        private FieldChange<TariffType> tariffType = FieldChange.keep();
        private FieldChange<String> unit = FieldChange.keep();
        private FieldChange<BigDecimal> transformerRatio = FieldChange.keep();
        private FieldChange<BigDecimal> conversionFactor = FieldChange.keep();
        private FieldChange<BigDecimal> registerCapacity = FieldChange.keep();
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {}

        public Builder title(FieldChange<String> v) { title = Objects.requireNonNull(v); return this; }
        public Builder obisNumber(FieldChange<String> v) { obisNumber = Objects.requireNonNull(v); return this; }
        public Builder direction(FieldChange<Direction> v) { direction = Objects.requireNonNull(v); return this; }
        public Builder tariffType(FieldChange<TariffType> v) { tariffType = Objects.requireNonNull(v); return this; }
        public Builder unit(FieldChange<String> v) { unit = Objects.requireNonNull(v); return this; }
        public Builder transformerRatio(FieldChange<BigDecimal> v) { transformerRatio = Objects.requireNonNull(v); return this; }
        public Builder conversionFactor(FieldChange<BigDecimal> v) { conversionFactor = Objects.requireNonNull(v); return this; }
        public Builder registerCapacity(FieldChange<BigDecimal> v) { registerCapacity = Objects.requireNonNull(v); return this; }

        /**
         * Sets an extra attribute, or removes it when {@code value} is null.
         *
         * @param value a plain JSON-like value (String, Boolean, BigDecimal, List, Map), kept as given
         */
        public Builder extra(String attribute, Object value) {
            extras.put(Objects.requireNonNull(attribute, "attribute"), value);
            return this;
        }

        /** @return the changes */
        public CounterChanges build() {
            return new CounterChanges(title, obisNumber, direction, tariffType, unit, transformerRatio, conversionFactor,
                    registerCapacity, extras);
        }
    }
}
