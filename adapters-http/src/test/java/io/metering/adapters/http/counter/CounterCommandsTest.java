package io.metering.adapters.http.counter;

import static io.metering.adapters.http.json.AttributeBodies.assertInvalid;
import static io.metering.adapters.http.json.AttributeBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.FieldChange;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON body of a counter (plain values as {@code JsonTrees} gives them) to typed {@link CounterChanges}. */
class CounterCommandsTest {
    private static CounterChanges changes(Object... keysAndValues) {
        return CounterCommands.changes(body(keysAndValues));
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                field("_title", "HT", "HT", CounterChanges::title),
                field("obis_number", "1-0:1.8.1", "1-0:1.8.1", CounterChanges::obisNumber),
                field("direction", "feed-in", Direction.FEED_IN, CounterChanges::direction),
                field("tariff_type", "nt", TariffType.NT, CounterChanges::tariffType),
                field("unit", "kWh", "kWh", CounterChanges::unit),
                field("transformer_ratio", new BigDecimal("40.0"), new BigDecimal("40"), CounterChanges::transformerRatio),
                field("conversion_factor", new BigDecimal("10.50"), new BigDecimal("10.5"), CounterChanges::conversionFactor),
                field("register_capacity", new BigDecimal("1E+5"), new BigDecimal("100000"), CounterChanges::registerCapacity));
    }

    private static Arguments field(String name, Object sent, Object typed, Function<CounterChanges, FieldChange<?>> change) {
        return Arguments.of(name, sent, typed, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void eachFieldIsKeptWhenAbsentClearedByNullAndSetByAValue(String name, Object sent, Object typed,
            Function<CounterChanges, FieldChange<?>> change) {
        assertThat(change.apply(changes("other", "x"))).isEqualTo(FieldChange.keep());
        assertThat(change.apply(changes(name, null))).isEqualTo(FieldChange.clear());
        FieldChange<?> set = change.apply(changes(name, sent));
        assertThat(set.sets()).isTrue();
        assertThat(set.value()).isEqualTo(typed);
        assertThat(changes(name, sent).extras()).as("a named field is no extra attribute").isEmpty();
    }

    @Test
    void derivedAttributesAreIgnoredAndExtraOnesPassThroughInBodyOrder() {
        CounterChanges c = changes("seal_number", "P-4711", "meter_id", "m", "last_reading", "x", "forecast_reading_value", "1",
                "forecast_as_of", "x", "_id", "x", "_org", "o", "_schema", "meter_counter", "_created_at", "x", "gone", null);

        assertThat(c.extras()).containsOnlyKeys("seal_number", "gone");
        assertThat(c.extras()).containsEntry("seal_number", "P-4711").containsEntry("gone", null);
        assertThat(c).isEqualTo(CounterChanges.builder().extra("seal_number", "P-4711").extra("gone", null).build());
    }

    @Test
    void anUnknownNameAttributeAndAnyUnitTextPassAsSent() {
        // a counter's name is _title; "name" is an attribute of the client's, kept as sent (additionalProperties)
        assertThat(changes("name", body("a", BigDecimal.ONE)).extras()).containsExactly(Map.entry("name", body("a", BigDecimal.ONE)));
        // Unit is free text in the contract (type string, deprecated), not an enum
        assertThat(changes("unit", "parsecs").unit()).isEqualTo(FieldChange.set("parsecs"));
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of(body("direction", "in"), RejectionReason.INVALID_PARAMETER, "direction must be one of feed-in, feed-out, not 'in'"),
                Arguments.of(body("tariff_type", "peak"), RejectionReason.INVALID_PARAMETER, "tariff_type must be one of ht, nt, not 'peak'"),
                Arguments.of(body("transformer_ratio", "40"), RejectionReason.INVALID_PARAMETER, "transformer_ratio must be a number"),
                Arguments.of(body("register_capacity", "five digits"), RejectionReason.INVALID_PARAMETER,
                        "register_capacity must be a number"),
                Arguments.of(body("register_capacity", new BigDecimal("99999.5")), RejectionReason.INVALID_PARAMETER,
                        "register_capacity must be a whole number of at least 1"),
                Arguments.of(body("conversion_factor", new BigDecimal("1.12345678901234567890")), RejectionReason.INVALID_VALUE,
                        "conversion_factor has more than"),
                Arguments.of(body("obis_number", 180), RejectionReason.INVALID_PARAMETER, "obis_number must be a string"),
                Arguments.of(body("obis_number", "zzzz"), RejectionReason.INVALID_PARAMETER, "obis_number 'zzzz' is not an OBIS code"),
                Arguments.of(body("unit", true), RejectionReason.INVALID_PARAMETER, "unit must be a string"),
                Arguments.of(body("_title", body("a", BigDecimal.ONE)), RejectionReason.INVALID_PARAMETER, "_title must be a string"),
                Arguments.of(body("_schema", "meter"), RejectionReason.INVALID_PARAMETER, "_schema must be 'meter_counter'"));
    }

    @ParameterizedTest
    @MethodSource("wrongValues")
    void aWrongTypeOrValueIsA400NamingTheAttribute(Map<String, Object> body, RejectionReason reason, String message) {
        assertInvalid(() -> CounterCommands.changes(body), reason, message);
    }

    @Test
    void theIdOfACreateIsAUuidAndAnUpdateNamesSomething() {
        assertThat(CounterCommands.id(body())).isNull();
        assertThat(CounterCommands.id(body("_id", "9b2f3c1e-0000-4000-8000-000000000001"))).hasToString(
                "9b2f3c1e-0000-4000-8000-000000000001");
        assertInvalid(() -> CounterCommands.id(body("_id", "c-1")), RejectionReason.INVALID_PARAMETER, "_id must be a UUID");
        assertInvalid(() -> CounterCommands.update(body()), RejectionReason.MISSING_PARAMS, "no attributes to update");
    }
}
