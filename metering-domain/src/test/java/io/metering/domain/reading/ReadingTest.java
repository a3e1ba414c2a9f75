package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.consumptionCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTest {
    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();

    @Test
    void timestampsAreStoredToTheMillisecond() {
        Reading r = ReadingSpec.of(meter, counter).at(Instant.parse("2024-05-01T08:00:00.123987654Z")).value("1").reading();
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-05-01T08:00:00.123Z"));
    }

    @Test
    void readingsWithoutMetadataShareOneEmptyMap() {
        // an import holds 80,000 readings in flight: no map objects of their own when they carry none
        Reading none = ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("1").reading();
        Reading empty = withMetadata(none, new HashMap<>());
        assertThat(none.metadata()).isEmpty();
        assertThat(empty.metadata()).isSameAs(Map.of());
    }

    @Test
    void metadataKeepsItsOrderAndCannotBeChanged() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("b", "2");
        given.put("a", "1");
        Reading r = withMetadata(ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("1").reading(), given);
        given.put("c", "3");
        assertThat(r.metadata()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
        assertThatThrownBy(() -> r.metadata().put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Reading withMetadata(Reading r, Map<String, String> metadata) {
        return new Reading(r.meterId(), r.counterId(), r.direction(), r.timestamp(), r.value(), r.source(), r.reason(), r.readBy(),
                r.status(), r.externalId(), r.remark(), r.note(), r.unit(), metadata);
    }

    @Test
    void aNegativeRegisterValueIsRefused() {
        assertThatThrownBy(() -> ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("-1").reading())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NEGATIVE_VALUE));
    }

    @Test
    void theValueIsNormalized() {
        Reading r = ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("1250.500").reading();
        assertThat(r.value().toPlainString()).isEqualTo("1250.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"meter_change", "meter_adjustment"})
    void meterChangeAndAdjustmentStartASegment(String reason) {
        Reading r = ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("5").reason(reason).reading();
        assertThat(r.startsSegment()).isTrue();
        assertThat(r.point().segmentStart()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "regular", "irregular", "first", "last", "contract_change", "METER_CHANGE"})
    void otherReasonsDoNotStartASegment(String reason) {
        Reading r = ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("5").reason(reason).reading();
        assertThat(r.startsSegment()).isFalse();
    }

    @Test
    void onlyStatusImplausibleMakesAReadingImplausible() {
        ReadingSpec spec = ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("5");
        assertThat(spec.reading().isImplausible()).isFalse();
        assertThat(spec.status(ReadingStatus.VALID).reading().isImplausible()).isFalse();
        assertThat(spec.status(ReadingStatus.IN_VALIDATION).reading().isImplausible()).isFalse();
        assertThat(spec.status(ReadingStatus.IMPLAUSIBLE).reading().point().implausible()).isTrue();
    }

    @Test
    void aReadingBelongsToTheSeriesOfItsCounterAndDirection() {
        Reading r = ReadingSpec.of(meter, counter).at("2024-05-01T08:00:00Z").value("5").reading();
        assertThat(r.series()).isEqualTo(new SeriesKey(counter.id(), counter.direction()));
        assertThat(r.key()).isEqualTo(new ReadingKey(r.series(), Instant.parse("2024-05-01T08:00:00Z")));
    }
}
