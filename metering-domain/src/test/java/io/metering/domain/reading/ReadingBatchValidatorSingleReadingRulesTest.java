package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.consumptionCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static io.metering.domain.fixtures.ReadingSpec.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The rules judged on one reading alone, and the batch-internal duplicate rule. */
class ReadingBatchValidatorSingleReadingRulesTest {
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();
    private final ReadingBatchValidator validator = new ReadingBatchValidator(new InMemorySeries(), PlausibilityPolicy.NONE);

    private ReadingSpec reading(Meter m, Counter c) {
        return ReadingSpec.of(m, c);
    }

    private ReadingSpec reading() {
        return reading(meter, counter);
    }

    private static AbstractThrowableAssert<?, ?> assertRejected(Runnable r, RejectionReason reason) {
        return assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aReadingOfADecommissionedMeterIsMeterDecommissioned() {
        Meter decommissioned = meter.toBuilder().status(MeterStatus.DECOMMISSIONED).build();
        assertRejected(() -> validator.validate(batch(reading(decommissioned, counter).at("2024-06-01T00:00:00Z").value("1")),
                NOW, true), RejectionReason.METER_DECOMMISSIONED).hasMessageContaining("readings[0]");
    }

    @Test
    void aReadingOneMillisecondAfterNowIsTimestampFuture() {
        assertRejected(() -> validator.validate(batch(reading().at(NOW.plusMillis(1)).value("1")), NOW, true),
                RejectionReason.TIMESTAMP_FUTURE).hasMessageContaining("readings[0]");
    }

    @Test
    void aReadingExactlyAtNowIsAccepted() {
        assertThat(validator.validate(batch(reading().at(NOW).value("1")), NOW, true)).hasSize(1);
    }

    @Test
    void aReadingOutsideTheContractPeriodsIsContractPeriod() {
        Meter bounded = meter.toBuilder().contractPeriods(List.of(new ContractPeriod(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-06-01T00:00:00Z")))).build();
        assertRejected(() -> validator.validate(batch(reading(bounded, counter).at("2024-06-01T00:00:00Z").value("1")), NOW, true),
                RejectionReason.CONTRACT_PERIOD);
        assertRejected(() -> validator.validate(batch(reading(bounded, counter).at("2023-12-31T23:59:59.999Z").value("1")), NOW,
                true), RejectionReason.CONTRACT_PERIOD);
        assertThat(validator.validate(batch(reading(bounded, counter).at("2024-05-31T23:59:59.999Z").value("1")), NOW, true))
                .hasSize(1);
    }

    @Test
    void aValueAtTheRegisterCapacityIsExceedsRegisterCapacity() {
        Counter fiveDigits = counter.toBuilder().registerCapacity(new BigDecimal("100000")).build();
        assertRejected(() -> validator.validate(batch(reading(meter, fiveDigits).at("2024-06-01T00:00:00Z").value("100000")), NOW,
                true), RejectionReason.EXCEEDS_REGISTER_CAPACITY).hasMessageContaining("100000");
        assertThat(validator.validate(batch(reading(meter, fiveDigits).at("2024-06-01T00:00:00Z").value("99999.999")), NOW, true))
                .hasSize(1);
    }

    @Test
    void twoReadingsOfABatchWithTheSameSeriesAndInstantAreDuplicateReadingNamingBoth() {
        assertRejected(() -> validator.validate(batch(
                        reading().at("2024-06-01T00:00:00Z").value("1"),
                        reading().at("2024-06-02T00:00:00Z").value("2"),
                        reading().at("2024-06-01T00:00:00Z").value("1")), NOW, true),
                RejectionReason.DUPLICATE_READING)
                .hasMessageContaining("readings[0]")
                .hasMessageContaining("readings[2]");
    }

    @Test
    void batchDuplicatesAreRefusedEvenWhenValidationIsSkipped() {
        assertRejected(() -> validator.validate(batch(
                        reading().at("2024-06-01T00:00:00Z").value("1"),
                        reading().at("2024-06-01T00:00:00Z").value("2")), NOW, false),
                RejectionReason.DUPLICATE_READING);
    }

    @Test
    void theSameInstantInTheOtherDirectionIsNoDuplicate() {
        Counter bidirectional = counter.toBuilder().direction(null).obisNumber(null).build();
        List<Reading> out = validator.validate(batch(
                reading(meter, bidirectional).direction(io.metering.domain.counter.Direction.FEED_OUT).at("2024-06-01T00:00:00Z").value("7"),
                reading(meter, bidirectional).direction(io.metering.domain.counter.Direction.FEED_IN).at("2024-06-01T00:00:00Z").value("3")),
                NOW, true);
        assertThat(out).hasSize(2);
    }

    @Test
    void skippingValidationAcceptsWhatTheRulesWouldRefuse() {
        ReadingBatchValidator withHistory = new ReadingBatchValidator(
                InMemorySeries.of(reading().at("2024-06-01T00:00:00Z").value("500").reading()), PlausibilityPolicy.NONE);
        List<Reading> out = withHistory.validate(batch(
                reading().at("2024-06-02T00:00:00Z").value("400"),
                reading().at(NOW.plusSeconds(3600)).value("1")), NOW, false);
        assertThat(out).extracting(Reading::value).containsExactly(new BigDecimal("400"), new BigDecimal("1"));
    }

    @Test
    void skippingValidationNeverMarksReadingsImplausible() {
        ReadingBatchValidator strict = new ReadingBatchValidator(
                InMemorySeries.of(reading().at("2024-06-01T00:00:00Z").value("100").reading()),
                q -> java.util.Optional.of(BigDecimal.ONE));
        List<Reading> out = strict.validate(batch(reading().at("2024-06-02T00:00:00Z").value("1000000")), NOW, false);
        assertThat(out.get(0).status()).isNull();
    }

    @Test
    void acceptedReadingsComeBackInBatchOrder() {
        List<Reading> out = validator.validate(batch(
                reading().at("2024-06-03T00:00:00Z").value("30"),
                reading().at("2024-06-01T00:00:00Z").value("10"),
                reading().at("2024-06-02T00:00:00Z").value("20")), NOW, true);
        assertThat(out).extracting(Reading::value).containsExactly(new BigDecimal("30"), new BigDecimal("10"), new BigDecimal("20"));
    }
}
