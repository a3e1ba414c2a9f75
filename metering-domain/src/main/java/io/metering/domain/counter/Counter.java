package io.metering.domain.counter;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A counter: one register of a meter (contract schema {@code MeterCounter}, {@code _schema:
 * meter_counter}; docs/domain.md#terms).
 *
 * @param id identity
 * @param org owning organization (always the meter's)
 * @param meterId the meter this register belongs to
 * @param title {@code _title}, may be null
 * @param obisNumber OBIS code as given (any text), may be null
 * @param direction declared energy direction, may be null
 * @param tariffType declared tariff register, may be null
 * @param unit unit of the register values (e.g. {@code kWh}, {@code m3}), may be null
 * @param transformerRatio instrument-transformer factor; energy = register delta x ratio. Null means
 *     1. Positive.
 * @param conversionFactor factor from register unit to billed unit (gas: z-number x calorific value).
 *     Null means 1. Positive.
 * @param registerCapacity the value at which the register wraps to zero (e.g. 100000 for five
 *     digits), null when the register does not roll over. Positive.
 * @param attributes every other attribute, as sent
 * @param createdAt {@code _created_at}
 * @param updatedAt {@code _updated_at}
 */
public record Counter(
        CounterId id,
        OrganizationId org,
        MeterId meterId,
        String title,
        String obisNumber,
        Direction direction,
        TariffType tariffType,
        String unit,
        BigDecimal transformerRatio,
        BigDecimal conversionFactor,
        BigDecimal registerCapacity,
        Map<String, Object> attributes,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * @throws NullPointerException if an identity or timestamp is null
     * @throws InvalidRequestException if a factor or the capacity is not positive
     */
    public Counter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        requirePositive(transformerRatio, "transformer_ratio");
        requirePositive(conversionFactor, "conversion_factor");
        requirePositive(registerCapacity, "register_capacity");
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    private static void requirePositive(BigDecimal v, String name) {
        if (v != null && v.signum() <= 0) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, name + " must be positive");
        }
    }

    /** The register capacity, if the register rolls over. */
    public Optional<RegisterCapacity> capacity() {
        return Optional.ofNullable(registerCapacity).map(RegisterCapacity::new);
    }

    /**
     * The direction readings of this counter have when a reading names none: the declared direction,
     * else the one its OBIS code names (docs/domain.md#writing-readings).
     */
    public Optional<Direction> impliedDirection() {
        if (direction != null) {
            return Optional.of(direction);
        }
        return ObisCode.parse(obisNumber).flatMap(ObisCode::direction);
    }

    /** The factor turning a register delta into billed energy: transformer ratio x conversion factor. */
    public BigDecimal energyFactor() {
        BigDecimal ratio = transformerRatio == null ? BigDecimal.ONE : transformerRatio;
        BigDecimal conversion = conversionFactor == null ? BigDecimal.ONE : conversionFactor;
        return ratio.multiply(conversion);
    }

    /** A builder pre-filled with this counter's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for a new counter. */
    public static Builder builder(CounterId id, OrganizationId org, MeterId meterId, Instant createdAt) {
        return new Builder(id, org, meterId, createdAt);
    }

    /**
     * A builder for a counter of this meter, in the meter's organization and created with it; no
     * direction, OBIS code, unit, factors or capacity until set.
     *
     * @param id the counter's id, e.g. {@link CounterId#random()}
     * @param meter the meter the register belongs to
     * @return the builder
     */
    public static Builder builder(CounterId id, Meter meter) {
        return new Builder(id, meter.org(), meter.id(), meter.createdAt());
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final CounterId id;
        private final OrganizationId org;
        private final MeterId meterId;
        private final Instant createdAt;
        private String title;
        private String obisNumber;
        private Direction direction;
        private TariffType tariffType;
        private String unit;
        private BigDecimal transformerRatio;
        private BigDecimal conversionFactor;
        private BigDecimal registerCapacity;
        private Map<String, Object> attributes = Map.of();
        private Instant updatedAt;

        private Builder(CounterId id, OrganizationId org, MeterId meterId, Instant createdAt) {
            this.id = id;
            this.org = org;
            this.meterId = meterId;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        private Builder(Counter c) {
            this(c.id, c.org, c.meterId, c.createdAt);
            title = c.title;
            obisNumber = c.obisNumber;
            direction = c.direction;
            tariffType = c.tariffType;
            unit = c.unit;
            transformerRatio = c.transformerRatio;
            conversionFactor = c.conversionFactor;
            registerCapacity = c.registerCapacity;
            attributes = c.attributes;
            updatedAt = c.updatedAt;
        }

        public Builder title(String v) { title = v; return this; }
        public Builder obisNumber(String v) { obisNumber = v; return this; }
        public Builder direction(Direction v) { direction = v; return this; }
        public Builder tariffType(TariffType v) { tariffType = v; return this; }
        public Builder unit(String v) { unit = v; return this; }
        public Builder transformerRatio(BigDecimal v) { transformerRatio = v; return this; }
        public Builder conversionFactor(BigDecimal v) { conversionFactor = v; return this; }
        public Builder registerCapacity(BigDecimal v) { registerCapacity = v; return this; }
        public Builder attributes(Map<String, Object> v) { attributes = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        /** @return the counter */
        public Counter build() {
            return new Counter(id, org, meterId, title, obisNumber, direction, tariffType, unit, transformerRatio,
                    conversionFactor, registerCapacity, attributes, createdAt, updatedAt);
        }
    }
}
