package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.consumptionCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static io.metering.domain.fixtures.ReadingSpec.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The plausibility hook: appended readings far above the forecast are stored as implausible unless
 * the writer set a status. Here the bound is always the previous value + 100.
 */
class ReadingBatchValidatorPlausibilityTest {
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();
    private final List<SeriesPoint> askedWith = new ArrayList<>();
    private final List<PlausibilityQuestion> questions = new ArrayList<>();
    private final PlausibilityPolicy previousPlusHundred = q -> {
        askedWith.add(q.previous());
        questions.add(q);
        return Optional.of(q.previous().value().add(new BigDecimal("100")));
    };

    private ReadingSpec reading() {
        return ReadingSpec.of(meter, counter);
    }

    private List<Reading> validate(InMemorySeries stored, List<ReadingCandidate> batch) {
        return new ReadingBatchValidator(stored, previousPlusHundred).validate(batch, NOW, true);
    }

    private InMemorySeries hundredOnMayFirst() {
        return InMemorySeries.of(reading().at("2024-05-01T00:00:00Z").value("100").reading());
    }

    @Test
    void anAppendedReadingAboveTheBoundIsMarkedImplausibleNotRejected() {
        List<Reading> out = validate(hundredOnMayFirst(), batch(reading().at("2024-06-01T00:00:00Z").value("100000")));
        assertThat(out.get(0).status()).isEqualTo(ReadingStatus.IMPLAUSIBLE);
        assertThat(out.get(0).value()).isEqualByComparingTo("100000");
    }

    @Test
    void anAppendedReadingAtTheBoundIsPlausible() {
        List<Reading> out = validate(hundredOnMayFirst(), batch(reading().at("2024-06-01T00:00:00Z").value("200")));
        assertThat(out.get(0).status()).isNull();
    }

    @Test
    void theHookIsAskedWithTheNearestPlausibleEarlierPoint() {
        validate(hundredOnMayFirst(), batch(reading().at("2024-06-01T00:00:00Z").value("150")));
        assertThat(askedWith).extracting(SeriesPoint::value).containsExactly(new BigDecimal("100"));
        assertThat(askedWith.get(0).timestamp()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void aStatusSetByTheWriterIsLeftAlone() {
        List<Reading> out = validate(hundredOnMayFirst(), batch(
                reading().at("2024-06-01T00:00:00Z").value("100000").status(ReadingStatus.VALID)));
        assertThat(out.get(0).status()).isEqualTo(ReadingStatus.VALID);
    }

    @Test
    void aReadingWithALaterStoredReadingIsNotJudgedByTheHook() {
        InMemorySeries stored = hundredOnMayFirst().add(reading().at("2024-06-10T00:00:00Z").value("5000").reading());
        List<Reading> out = validate(stored, batch(reading().at("2024-06-01T00:00:00Z").value("4000")));
        assertThat(out.get(0).status()).isNull();
        assertThat(askedWith).isEmpty();
    }

    @Test
    void aFirstReadingWithoutHistoryIsNotJudged() {
        List<Reading> out = validate(new InMemorySeries(), batch(reading().at("2024-06-01T00:00:00Z").value("100000")));
        assertThat(out.get(0).status()).isNull();
        assertThat(askedWith).isEmpty();
    }

    @Test
    void aMeterChangeIsNotJudged() {
        List<Reading> out = validate(hundredOnMayFirst(), batch(reading().at("2024-06-01T00:00:00Z").value("100000").meterChange()));
        assertThat(out.get(0).status()).isNull();
    }

    @Test
    void aUnitSlipMarkedImplausibleDoesNotLockOutTheGenuineReadingsThatFollow() {
        // Wh sent as kWh on June 1st, then the genuine 180 on June 2nd
        List<Reading> out = validate(hundredOnMayFirst(), batch(
                reading().at("2024-06-01T00:00:00Z").value("150000"),
                reading().at("2024-06-02T00:00:00Z").value("180")));
        assertThat(out).extracting(Reading::status).containsExactly(ReadingStatus.IMPLAUSIBLE, null);
        assertThat(askedWith).extracting(SeriesPoint::value).containsExactly(new BigDecimal("100"), new BigDecimal("100"));
    }

    @Test
    void aPolicyWithoutBoundMarksNothing() {
        List<Reading> out = new ReadingBatchValidator(hundredOnMayFirst(), q -> Optional.empty())
                .validate(batch(reading().at("2024-06-01T00:00:00Z").value("100000")), NOW, true);
        assertThat(out.get(0).status()).isNull();
    }

    @Test
    void thePolicyIsToldWhichPointsTheSameBatchAcceptedBeforeTheReading() {
        validate(hundredOnMayFirst(), batch(
                reading().at("2024-06-03T00:00:00Z").value("130"),
                reading().at("2024-06-01T00:00:00Z").value("110"),
                reading().at("2024-06-02T00:00:00Z").value("120")));

        // asked in time order: June 1st with nothing written before it, then June 2nd, then June 3rd
        assertThat(questions).extracting(PlausibilityQuestion::t).containsExactly(Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-06-02T00:00:00Z"), Instant.parse("2024-06-03T00:00:00Z"));
        assertThat(questions.get(0).written()).isEmpty();
        assertThat(questions.get(2).written()).extracting(SeriesPoint::value)
                .containsExactly(new BigDecimal("110"), new BigDecimal("120"));
        assertThat(questions.get(2).previous().value()).isEqualByComparingTo("120");
    }

    @Test
    void aWrapIsComparedUnwrappedAgainstTheBound() {
        Counter rolling = consumptionCounter(meter).registerCapacity(new BigDecimal("100000")).build();
        ReadingSpec at99950 = ReadingSpec.of(meter, rolling).at("2024-05-01T00:00:00Z").value("99950");
        InMemorySeries stored = InMemorySeries.of(at99950.reading());

        // bound 99950 + 100 = 100050: 40 wraps to 100040 (plausible), 5000 wraps to 105000 (not)
        List<Reading> small = validate(stored, batch(ReadingSpec.of(meter, rolling).at("2024-06-01T00:00:00Z").value("40")));
        List<Reading> large = validate(stored, batch(ReadingSpec.of(meter, rolling).at("2024-06-01T00:00:00Z").value("5000")));

        assertThat(small.get(0).status()).isNull();
        assertThat(large.get(0).status()).isEqualTo(ReadingStatus.IMPLAUSIBLE);
        assertThat(questions.get(0).capacity()).hasValueSatisfying(c -> assertThat(c.value()).isEqualByComparingTo("100000"));
    }
}
