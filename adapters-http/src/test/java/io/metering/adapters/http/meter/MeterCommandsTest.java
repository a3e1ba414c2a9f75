package io.metering.adapters.http.meter;

import static io.metering.adapters.http.json.AttributeBodies.assertInvalid;
import static io.metering.adapters.http.json.AttributeBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.FieldChange;
import io.metering.application.port.in.meter.ContractPeriodInput;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.MeterField;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.EchoMatching;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON body of a meter (plain values as {@code JsonTrees} gives them) to typed {@link MeterChanges}. */
class MeterCommandsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static MeterChanges changes(Object... keysAndValues) {
        return MeterCommands.changes(body(keysAndValues), BERLIN);
    }

    static Stream<Arguments> fields() {
        Map<String, Object> relation = body("$relation", List.of(body("entity_id", "c-1", "_slug", "contact")));
        return Stream.of(
                field("_title", "Nord", "Nord", MeterChanges::title),
                field("_tags", List.of("a", "b"), List.of("a", "b"), MeterChanges::tags),
                field("ma_lo_id", "51238696781", "51238696781", MeterChanges::maLoId),
                field("meter_number", "1ESY1160123456", "1ESY1160123456", MeterChanges::meterNumber),
                field("status", "decommissioned", MeterStatus.DECOMMISSIONED, MeterChanges::status),
                field("sector", "water", Sector.WATER, MeterChanges::sector),
                field("meter_type", "smart-meter", MeterType.SMART_METER, MeterChanges::meterType),
                field("tariff_type", "Doppeltarif", "Doppeltarif", MeterChanges::tariffType),
                field("used_for", "heating", "heating", MeterChanges::usedFor),
                field("manufacturer", "EMH", "EMH", MeterChanges::manufacturer),
                field("calibration_date", "2020-01-01", "2020-01-01", MeterChanges::calibrationDate),
                field("customer", relation, List.of(new EntityRelation("c-1", "contact")), MeterChanges::customers),
                field("contract", relation, List.of(new EntityRelation("c-1", "contact")), MeterChanges::contracts),
                field("contract_periods", List.of(body("start_date", "2024-01-01", "end_date", "2024-06-30T00:00:00Z")),
                        List.of(new ContractPeriodInput(new TimeInput.DateOnly(LocalDate.parse("2024-01-01")),
                                new TimeInput.Exact(Instant.parse("2024-06-30T00:00:00Z")))), MeterChanges::contractPeriods),
                field("reading_governance", body("edit_mode", "approval"),
                        new ReadingGovernance(EditMode.APPROVAL, null, null, null), MeterChanges::governance),
                field("installation_date", "2024-03-01", "2024-03-01", MeterChanges::installationDate),
                field("commissioning_date", "2024-03-02", "2024-03-02", MeterChanges::commissioningDate),
                field("decommissioned_at", "2024-05-31", "2024-05-31", MeterChanges::decommissionedAt),
                field("reading_echo", "off", EchoMatching.OFF, MeterChanges::readingEcho));
    }

    private static Arguments field(String name, Object sent, Object typed, Function<MeterChanges, FieldChange<?>> change) {
        return Arguments.of(name, sent, typed, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void eachFieldIsKeptWhenAbsentClearedByNullAndSetByAValue(String name, Object sent, Object typed,
            Function<MeterChanges, FieldChange<?>> change) {
        MeterChanges absent = changes("other", "x");
        MeterChanges nulled = changes(name, null);
        MeterChanges valued = changes(name, sent);

        assertThat(change.apply(absent)).isEqualTo(FieldChange.keep());
        assertThat(change.apply(nulled)).isEqualTo(FieldChange.clear());
        assertThat(change.apply(valued)).isEqualTo(FieldChange.set(typed));
        assertThat(valued.extras()).as("a named field is no extra attribute").isEmpty();
        assertThat(valued.named()).extracting(MeterField::label).containsExactly(name);
    }

    @Test
    void everyNamedFieldHasACase() {
        List<String> covered = fields().map(a -> (String) a.get()[0]).toList();
        assertThat(Arrays.stream(MeterField.values()).map(MeterField::label))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(covered.stream(),
                        Stream.of("_id", "_org", "_schema", "journey_actions")).toList());
    }

    @Test
    void extraAttributesPassThroughAsSentInBodyOrderAndNullRemovesOne() {
        Map<String, Object> nested = body("a", null, "b", List.of(new BigDecimal("1"), new BigDecimal("2.5"), true, "x"));
        MeterChanges c = changes("zeta", "z", "custom", nested, "gone", null, "journey_actions", body("slug", "submit"));

        assertThat(c.extras()).containsExactly(Map.entry("zeta", "z"), Map.entry("custom", nested),
                new java.util.AbstractMap.SimpleEntry<>("gone", null), Map.entry("journey_actions", body("slug", "submit")));
        assertThat(c.named()).containsExactly(MeterField.JOURNEY_ACTIONS);
    }

    @Test
    void derivedAttributesAreIgnoredAndTheIdentityOnesAreNamed() {
        MeterChanges c = changes("_id", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "_org", "o", "_schema", "meter",
                "_created_at", "1999-01-01T00:00:00Z", "_updated_at", "x", "last_reading", "x", "current_consumption", 1,
                "pending_changesets", List.of(), "_type", "x");

        assertThat(c.extras()).isEmpty();
        assertThat(c.named()).containsExactlyInAnyOrder(MeterField.ID, MeterField.ORG, MeterField.SCHEMA);
        assertThat(c.title()).isEqualTo(FieldChange.keep());
    }

    @Test
    void theIdOfACreateIsAUuid() {
        assertThat(MeterCommands.id(body())).isNull();
        assertThat(MeterCommands.id(body("_id", "3fa85f64-5717-4562-b3fc-2c963f66afa6"))).hasToString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assertInvalid(() -> MeterCommands.id(body("_id", "meter-1")), RejectionReason.INVALID_PARAMETER, "_id must be a UUID");
        assertInvalid(() -> MeterCommands.id(body("_id", 7)), RejectionReason.INVALID_PARAMETER, "_id must be a string");
    }

    @Test
    void governanceTakesTheContractsShapes() {
        ReadingGovernance g = changes("reading_governance", body("edit_mode", "external", "match_strategy", "fuzzy",
                "fuzzy_config", body("absolute_threshold", new BigDecimal("5")),
                "timestamp_tolerance", body("type", "within-seconds", "seconds", new BigDecimal("60")))).governance().value();

        assertThat(g.matchStrategy()).isEqualTo(MatchStrategy.FUZZY);
        assertThat(g.fuzzyConfig().absoluteThreshold()).isEqualByComparingTo("5");
        assertThat(g.timestampTolerance()).isEqualTo(new TimestampTolerance.WithinSeconds(60));
        assertThat(changes("reading_governance", body("edit_mode", "external", "timestamp_tolerance", "exact")).governance().value()
                .timestampTolerance()).isEqualTo(new TimestampTolerance.Exact());
        assertThat(changes("reading_governance", body("edit_mode", "external", "timestamp_tolerance",
                body("type", "same-day", "timezone", "Europe/Berlin"))).governance().value().timestampTolerance())
                .isEqualTo(new TimestampTolerance.SameDay(BERLIN));
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of(body("_title", 5), RejectionReason.INVALID_PARAMETER, "_title must be a string"),
                Arguments.of(body("_title", "x".repeat(1001)), RejectionReason.INVALID_PARAMETER, "_title is longer than 1000 characters"),
                Arguments.of(body("_tags", "a"), RejectionReason.INVALID_PARAMETER, "_tags must be an array of strings"),
                Arguments.of(body("_tags", List.of(1)), RejectionReason.INVALID_PARAMETER, "_tags[] must be a string"),
                Arguments.of(body("sector", "electricity"), RejectionReason.INVALID_PARAMETER,
                        "sector must be one of power, water, gas, district_heating, waste_water, not 'electricity'"),
                Arguments.of(body("status", "broken"), RejectionReason.INVALID_PARAMETER,
                        "status must be one of active, decommissioned, not 'broken'"),
                Arguments.of(body("meter_type", true), RejectionReason.INVALID_PARAMETER, "meter_type must be a string"),
                Arguments.of(body("meter_type", "one-tariff"), RejectionReason.INVALID_PARAMETER,
                        "meter_type must be one of three-phase-meter, bellow-gas-meter, rotary-piston-meter, smart-meter, "
                                + "performance-meter, maximum-meter, turbine-gas-meter, ultrasonic-gas-meter, "
                                + "alternating-current-meter, modern-metering-system, intelligent-measuring-system, "
                                + "electronic-meter, not 'one-tariff'"),
                Arguments.of(body("customer", "c-1"), RejectionReason.INVALID_PARAMETER, "customer must be an object"),
                Arguments.of(body("customer", body("$relation", List.of(body("_slug", "contact")))), RejectionReason.MISSING_PARAMS,
                        "customer.$relation[].entity_id is required"),
                Arguments.of(body("contract", body("$relation", List.of("c"))), RejectionReason.INVALID_PARAMETER,
                        "contract.$relation[] must be an object"),
                Arguments.of(body("contract_periods", body()), RejectionReason.INVALID_PARAMETER, "contract_periods must be an array"),
                Arguments.of(body("contract_periods", List.of(body("start_date", "soon"))), RejectionReason.INVALID_TIMESTAMP,
                        "contract_periods[].start_date"),
                Arguments.of(body("reading_governance", body("match_strategy", "exact")), RejectionReason.MISSING_PARAMS,
                        "reading_governance.edit_mode is required"),
                Arguments.of(body("reading_governance", body("edit_mode", "external", "timestamp_tolerance",
                        body("type", "within-seconds", "seconds", new BigDecimal("1.5")))), RejectionReason.INVALID_PARAMETER,
                        "reading_governance.timestamp_tolerance.seconds must be a whole number"),
                Arguments.of(body("reading_echo", "sometimes"), RejectionReason.INVALID_PARAMETER,
                        "reading_echo must be one of same_day, off"),
                Arguments.of(body("me_lo_id", new BigDecimal("5")), RejectionReason.INVALID_PARAMETER, "me_lo_id must be a string"),
                Arguments.of(body("installation_date", 20240301), RejectionReason.INVALID_PARAMETER, "installation_date must be a string"),
                Arguments.of(body("_schema", "meter_counter"), RejectionReason.INVALID_PARAMETER, "_schema must be 'meter'"),
                Arguments.of(body("x".repeat(101), 1), RejectionReason.INVALID_PARAMETER, "attribute names must be 1-100 characters"),
                Arguments.of(body("", 1), RejectionReason.INVALID_PARAMETER, "attribute names must be 1-100 characters"));
    }

    @ParameterizedTest
    @MethodSource("wrongValues")
    void aWrongTypeOrValueIsA400NamingTheAttribute(Map<String, Object> body, RejectionReason reason, String message) {
        assertInvalid(() -> MeterCommands.changes(body, BERLIN), reason, message);
    }

    @Test
    void theMeloIdIsAnExtraAttributeOfText() {
        assertThat(changes("me_lo_id", "DE0001062600000001000000022345671").extras())
                .containsExactly(Map.entry("me_lo_id", "DE0001062600000001000000022345671"));
        assertThat(changes("me_lo_id", null).extras()).containsKey("me_lo_id").containsValue(null);
    }

    @Test
    void theFirstWrongAttributeInBodyOrderIsNamed() {
        assertInvalid(() -> changes("sector", 1, "status", 2), RejectionReason.INVALID_PARAMETER, "sector must be a string");
        assertInvalid(() -> changes("status", 2, "sector", 1), RejectionReason.INVALID_PARAMETER, "status must be a string");
    }

    @Test
    void anUpdateNamesSomething() {
        assertInvalid(() -> MeterCommands.update(body(), BERLIN), RejectionReason.MISSING_PARAMS, "no attributes to update");
        assertThat(MeterCommands.update(body("_created_at", "x"), BERLIN)).isEqualTo(MeterChanges.NONE);
    }
}
