package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.bareCounter;
import static io.metering.domain.fixtures.Fixtures.consumptionCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static io.metering.domain.fixtures.ReadingSpec.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * less_than_previous / greater_than_subsequent against stored readings and inside the batch,
 * with segment starts and register wraps. Stored readings are on the 1st, 10th and 20th of May.
 */
class ReadingBatchValidatorOrderingTest {
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();

    private ReadingSpec reading() {
        return ReadingSpec.of(meter, counter);
    }

    private List<Reading> validate(InMemorySeries stored, List<ReadingCandidate> batch) {
        return new ReadingBatchValidator(stored, PlausibilityPolicy.NONE).validate(batch, NOW, true);
    }

    private static AbstractThrowableAssert<?, ?> assertRejected(Runnable r, RejectionReason reason) {
        return assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** 100 on May 1st, 200 on May 20th. */
    private InMemorySeries hundredThenTwoHundred() {
        return InMemorySeries.of(
                reading().at("2024-05-01T00:00:00Z").value("100").reading(),
                reading().at("2024-05-20T00:00:00Z").value("200").reading());
    }

    @Test
    void aReadingBetweenItsNeighboursIsAccepted() {
        assertThat(validate(hundredThenTwoHundred(), batch(reading().at("2024-05-10T00:00:00Z").value("150")))).hasSize(1);
    }

    @Test
    void aValueEqualToThePreviousOneIsAccepted() {
        assertThat(validate(hundredThenTwoHundred(), batch(reading().at("2024-05-10T00:00:00Z").value("100.000")))).hasSize(1);
    }

    @Test
    void aValueEqualToTheSubsequentOneIsAccepted() {
        assertThat(validate(hundredThenTwoHundred(), batch(reading().at("2024-05-10T00:00:00Z").value("200")))).hasSize(1);
    }

    @Test
    void aValueBelowThePreviousOneIsLessThanPrevious() {
        assertRejected(() -> validate(hundredThenTwoHundred(), batch(reading().at("2024-05-10T00:00:00Z").value("99.999"))),
                RejectionReason.LESS_THAN_PREVIOUS)
                .hasMessageContaining("readings[0]")
                .hasMessageContaining("99.999")
                .hasMessageContaining("2024-05-01T00:00:00Z");
    }

    @Test
    void aValueAboveTheSubsequentOneIsGreaterThanSubsequent() {
        assertRejected(() -> validate(hundredThenTwoHundred(), batch(reading().at("2024-05-10T00:00:00Z").value("200.001"))),
                RejectionReason.GREATER_THAN_SUBSEQUENT)
                .hasMessageContaining("readings[0]")
                .hasMessageContaining("2024-05-20T00:00:00Z");
    }

    @Test
    void anAppendedReadingIsCheckedAgainstTheLatestOneOnly() {
        assertThat(validate(hundredThenTwoHundred(), batch(reading().at("2024-06-01T00:00:00Z").value("200")))).hasSize(1);
        assertRejected(() -> validate(hundredThenTwoHundred(), batch(reading().at("2024-06-01T00:00:00Z").value("150"))),
                RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aReadingBeforeAllOthersIsCheckedAgainstTheEarliestOne() {
        assertThat(validate(hundredThenTwoHundred(), batch(reading().at("2024-04-01T00:00:00Z").value("0")))).hasSize(1);
        assertRejected(() -> validate(hundredThenTwoHundred(), batch(reading().at("2024-04-01T00:00:00Z").value("101"))),
                RejectionReason.GREATER_THAN_SUBSEQUENT);
    }

    @Test
    void theOtherDirectionOfTheSameCounterIsAnotherSeries() {
        Counter bidirectional = bareCounter(meter).build();
        InMemorySeries stored = InMemorySeries.of(
                ReadingSpec.of(meter, bidirectional).direction(Direction.FEED_OUT).at("2024-05-01T00:00:00Z").value("5000").reading());
        assertThat(validate(stored, batch(
                ReadingSpec.of(meter, bidirectional).direction(Direction.FEED_IN).at("2024-05-10T00:00:00Z").value("3"))))
                .hasSize(1);
    }

    // ---- segments

    @Test
    void aMeterChangeIsNotCheckedAgainstEarlierReadings() {
        InMemorySeries stored = InMemorySeries.of(reading().at("2024-05-01T00:00:00Z").value("80000").reading());
        assertThat(validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("5").meterChange()))).hasSize(1);
    }

    @Test
    void aMeterAdjustmentIsNotCheckedAgainstEarlierReadings() {
        InMemorySeries stored = InMemorySeries.of(reading().at("2024-05-01T00:00:00Z").value("80000").reading());
        assertThat(validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("5").reason("meter_adjustment")))).hasSize(1);
    }

    @Test
    void aMeterChangeIsStillCheckedAgainstLaterReadings() {
        assertRejected(() -> validate(hundredThenTwoHundred(), batch(reading().at("2024-05-10T00:00:00Z").value("250").meterChange())),
                RejectionReason.GREATER_THAN_SUBSEQUENT);
    }

    @Test
    void aStoredMeterChangeIsNoUpperBoundForEarlierReadings() {
        InMemorySeries stored = InMemorySeries.of(
                reading().at("2024-05-01T00:00:00Z").value("100").reading(),
                reading().at("2024-05-20T00:00:00Z").value("5").meterChange().reading());
        assertThat(validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("150")))).hasSize(1);
    }

    @Test
    void aBatchMeterChangeIsNoUpperBoundForEarlierBatchReadings() {
        InMemorySeries stored = InMemorySeries.of(reading().at("2024-05-01T00:00:00Z").value("100").reading());
        assertThat(validate(stored, batch(
                reading().at("2024-05-20T00:00:00Z").value("5").meterChange(),
                reading().at("2024-05-10T00:00:00Z").value("150")))).hasSize(2);
    }

    @Test
    void aReadingBeforeAStoredMeterChangeIsStillCheckedAgainstItsPredecessor() {
        InMemorySeries stored = InMemorySeries.of(
                reading().at("2024-05-01T00:00:00Z").value("100").reading(),
                reading().at("2024-05-20T00:00:00Z").value("5").meterChange().reading());
        assertRejected(() -> validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("90"))),
                RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void readingsAfterAMeterChangeAreCheckedAgainstIt() {
        InMemorySeries stored = InMemorySeries.of(
                reading().at("2024-05-01T00:00:00Z").value("80000").reading(),
                reading().at("2024-05-10T00:00:00Z").value("5").meterChange().reading());
        assertThat(validate(stored, batch(reading().at("2024-05-20T00:00:00Z").value("5")))).hasSize(1);
        assertRejected(() -> validate(stored, batch(reading().at("2024-05-20T00:00:00Z").value("4.999"))),
                RejectionReason.LESS_THAN_PREVIOUS).hasMessageContaining("2024-05-10T00:00:00Z");
    }

    @Test
    void readingsAfterAMeterChangeOfTheSameBatchAreCheckedAgainstIt() {
        InMemorySeries stored = InMemorySeries.of(reading().at("2024-05-01T00:00:00Z").value("80000").reading());
        assertRejected(() -> validate(stored, batch(
                        reading().at("2024-05-10T00:00:00Z").value("5").meterChange(),
                        reading().at("2024-05-20T00:00:00Z").value("4"))),
                RejectionReason.LESS_THAN_PREVIOUS).hasMessageContaining("readings[1]");
    }

    // ---- inside the batch

    @Test
    void readingsOfOneBatchAreCheckedAgainstEachOtherWhateverTheirOrderInTheRequest() {
        assertRejected(() -> validate(new InMemorySeries(), batch(
                        reading().at("2024-05-20T00:00:00Z").value("100"),
                        reading().at("2024-05-10T00:00:00Z").value("200"))),
                RejectionReason.LESS_THAN_PREVIOUS).hasMessageContaining("readings[0]");
    }

    @Test
    void anAscendingBatchBetweenStoredReadingsIsAccepted() {
        assertThat(validate(hundredThenTwoHundred(), batch(
                reading().at("2024-05-15T00:00:00Z").value("180"),
                reading().at("2024-05-05T00:00:00Z").value("120"),
                reading().at("2024-05-10T00:00:00Z").value("150")))).hasSize(3);
    }

    @Test
    void theNearestEarlierReadingDecidesWhetherStoredOrFromTheBatch() {
        // stored 100 (May 1st), batch 150 (May 5th), stored 160 (May 8th): the May 10th reading follows 160
        InMemorySeries stored = InMemorySeries.of(
                reading().at("2024-05-01T00:00:00Z").value("100").reading(),
                reading().at("2024-05-08T00:00:00Z").value("160").reading());
        assertRejected(() -> validate(stored, batch(
                        reading().at("2024-05-05T00:00:00Z").value("150"),
                        reading().at("2024-05-10T00:00:00Z").value("155"))),
                RejectionReason.LESS_THAN_PREVIOUS).hasMessageContaining("readings[1]");
    }

    @Test
    void theLastBatchReadingBeforeAStoredOneIsCheckedAgainstIt() {
        assertRejected(() -> validate(hundredThenTwoHundred(), batch(
                        reading().at("2024-05-05T00:00:00Z").value("150"),
                        reading().at("2024-05-10T00:00:00Z").value("250"))),
                RejectionReason.GREATER_THAN_SUBSEQUENT).hasMessageContaining("readings[1]");
    }

    @Test
    void aBatchReadingReplacingAStoredOneAtItsInstantIsJudgedByTheOtherNeighbours() {
        Reading stored150 = reading().at("2024-05-10T00:00:00Z").value("150").reading();
        InMemorySeries stored = hundredThenTwoHundred().add(stored150).replacing(List.of(stored150.key()));
        assertThat(validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("120")))).hasSize(1);
    }

    // ---- implausible readings

    @Test
    void aReadingTheWriterMarksImplausibleTakesNoPartInOrdering() {
        List<Reading> out = validate(hundredThenTwoHundred(), batch(
                reading().at("2024-05-10T00:00:00Z").value("1000000").status(ReadingStatus.IMPLAUSIBLE),
                reading().at("2024-05-15T00:00:00Z").value("150")));
        assertThat(out).extracting(Reading::status).containsExactly(ReadingStatus.IMPLAUSIBLE, null);
    }

    @Test
    void anImplausibleValueBelowThePreviousReadingIsAcceptedBecauseItTakesNoPart() {
        assertThat(validate(hundredThenTwoHundred(), batch(
                reading().at("2024-05-10T00:00:00Z").value("1").status(ReadingStatus.IMPLAUSIBLE)))).hasSize(1);
    }

    @Test
    void storedImplausibleReadingsAreNotNeighbours() {
        InMemorySeries stored = hundredThenTwoHundred()
                .add(reading().at("2024-05-05T00:00:00Z").value("100000").status(ReadingStatus.IMPLAUSIBLE).reading());
        assertThat(validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("150")))).hasSize(1);
    }

    // ---- register wraps

    @Test
    void aWrapOfARollingRegisterIsAccepted() {
        Counter fiveDigits = counter.toBuilder().registerCapacity(new BigDecimal("100000")).build();
        InMemorySeries stored = InMemorySeries.of(ReadingSpec.of(meter, fiveDigits).at("2024-05-01T00:00:00Z").value("99993").reading());
        assertThat(validate(stored, batch(ReadingSpec.of(meter, fiveDigits).at("2024-05-10T00:00:00Z").value("13")))).hasSize(1);
    }

    @Test
    void theSameDropWithoutDeclaredCapacityIsLessThanPrevious() {
        InMemorySeries stored = InMemorySeries.of(reading().at("2024-05-01T00:00:00Z").value("99993").reading());
        assertRejected(() -> validate(stored, batch(reading().at("2024-05-10T00:00:00Z").value("13"))),
                RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aDropTooLargeForAWrapIsLessThanPreviousEvenWithCapacity() {
        Counter fiveDigits = counter.toBuilder().registerCapacity(new BigDecimal("100000")).build();
        InMemorySeries stored = InMemorySeries.of(ReadingSpec.of(meter, fiveDigits).at("2024-05-01T00:00:00Z").value("60000").reading());
        assertRejected(() -> validate(stored, batch(ReadingSpec.of(meter, fiveDigits).at("2024-05-10T00:00:00Z").value("13"))),
                RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aReadingBeforeAStoredWrapIsCheckedWithTheWrapInMind() {
        Counter fiveDigits = counter.toBuilder().registerCapacity(new BigDecimal("100000")).build();
        InMemorySeries stored = InMemorySeries.of(
                ReadingSpec.of(meter, fiveDigits).at("2024-05-01T00:00:00Z").value("99990").reading(),
                ReadingSpec.of(meter, fiveDigits).at("2024-05-20T00:00:00Z").value("13").reading());
        assertThat(validate(stored, batch(ReadingSpec.of(meter, fiveDigits).at("2024-05-10T00:00:00Z").value("99995")))).hasSize(1);
        assertThat(validate(stored, batch(ReadingSpec.of(meter, fiveDigits).at("2024-05-10T00:00:00Z").value("5")))).hasSize(1);
    }
}
