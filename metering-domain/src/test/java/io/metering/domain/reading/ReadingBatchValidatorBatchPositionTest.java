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
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch is all or nothing, and the rejection names the first broken reading by position in the
 * request, whichever rule it breaks.
 */
class ReadingBatchValidatorBatchPositionTest {
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();
    private final InMemorySeries stored = InMemorySeries.of(ReadingSpec.of(meter, counter).at("2024-05-01T00:00:00Z").value("100").reading());

    private ReadingSpec reading() {
        return ReadingSpec.of(meter, counter);
    }

    private void assertFirstFailure(List<ReadingCandidate> batch, int index, RejectionReason reason) {
        assertThatThrownBy(() -> new ReadingBatchValidator(stored, PlausibilityPolicy.NONE).validate(batch, NOW, true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith("readings[" + index + "]");
                });
    }

    @Test
    void anOrderingFailureBeforeASingleReadingFailureIsReportedFirst() {
        assertFirstFailure(batch(
                reading().at("2024-05-10T00:00:00Z").value("50"), // below 100
                reading().at(NOW.plusSeconds(60)).value("500")), // in the future
                0, RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aSingleReadingFailureBeforeAnOrderingFailureIsReportedFirst() {
        assertFirstFailure(batch(
                reading().at(NOW.plusSeconds(60)).value("500"),
                reading().at("2024-05-10T00:00:00Z").value("50")),
                0, RejectionReason.TIMESTAMP_FUTURE);
    }

    @Test
    void theLowestFailingPositionWinsAcrossMeters() {
        Meter other = powerMeter().status(MeterStatus.DECOMMISSIONED).build();
        Counter otherCounter = consumptionCounter(other).build();
        assertFirstFailure(batch(
                reading().at("2024-05-05T00:00:00Z").value("110"),
                reading().at("2024-05-10T00:00:00Z").value("105"), // below 110 of readings[0]
                ReadingSpec.of(other, otherCounter).at("2024-05-10T00:00:00Z").value("1")),
                1, RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aLaterDuplicateDoesNotHideAnEarlierFailure() {
        assertFirstFailure(batch(
                reading().at("2024-05-10T00:00:00Z").value("50"),
                reading().at("2024-05-12T00:00:00Z").value("120"),
                reading().at("2024-05-12T00:00:00Z").value("120")),
                0, RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aDuplicateIsReportedAtThePositionOfItsSecondOccurrence() {
        assertFirstFailure(batch(
                reading().at("2024-05-12T00:00:00Z").value("120"),
                reading().at("2024-05-12T00:00:00Z").value("120"),
                reading().at("2024-05-10T00:00:00Z").value("50")),
                1, RejectionReason.DUPLICATE_READING);
    }

    @Test
    void ofSeveralOrderingFailuresTheFirstByPositionIsReported() {
        assertFirstFailure(batch(
                reading().at("2024-05-20T00:00:00Z").value("300"),
                reading().at("2024-05-12T00:00:00Z").value("90"),
                reading().at("2024-05-10T00:00:00Z").value("80")),
                1, RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aReadingThatBreaksASingleReadingRuleDoesNotFailItsNeighbours() {
        // readings[1] lies in the future; readings[0] is fine against the stored 100 and must not be
        // blamed for being above a reading that is itself refused.
        Meter bounded = meter.toBuilder().contractPeriods(List.of(new io.metering.domain.meter.ContractPeriod(
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-05-15T00:00:00Z")))).build();
        assertFirstFailure(batch(
                ReadingSpec.of(bounded, counter).at("2024-05-10T00:00:00Z").value("500"),
                ReadingSpec.of(bounded, counter).at("2024-05-20T00:00:00Z").value("200")),
                1, RejectionReason.CONTRACT_PERIOD);
    }
}
