package io.metering.application.service;

import io.metering.application.port.out.IntervalValueStore;

import io.metering.application.service.consumption.ConsumptionService;
import io.metering.application.service.reading.UpdateReadingService;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.in.consumption.ConsumptionReport;
import io.metering.application.port.in.consumption.ConsumptionRequest;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.domain.consumption.Interval;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An admin marks an implausible reading valid with updateMeterReading and {@code status: valid}
 * (docs/domain.md#reading-the-series: implausible readings count nowhere "until an admin marks them
 * valid"). The reading is then judged against its neighbours like any write (ordering rules; the
 * plausibility rule does not apply to a status the writer set) and counts in consumption.
 */
class MarkingReadingsValidTest {
    private final ServiceWorld w = new ServiceWorld();
    private final HistoryPlausibilityProvider plausibility = new HistoryPlausibilityProvider(w.store, w.store);
    private final UpdateReadingService updates = TestServices.updateReadingService(w.ctx, plausibility);
    private final ConsumptionService consumption = TestServices.consumption(w.ctx, IntervalValueStore.NONE);
    private final Meter meter = w.powerMeterOf("contact-1");
    private final Counter kwh = w.consumptionCounter(meter);

    MarkingReadingsValidTest() {
        w.recording = TestServices.recordReadingsService(w.ctx, plausibility);
        // ten per day, then a genuine surge of 3980 kWh in one day: above the bound of 4020
        w.record(reading(meter, kwh, "2024-06-01T00:00:00Z", "1000"), reading(meter, kwh, "2024-06-02T00:00:00Z", "1010"),
                reading(meter, kwh, "2024-06-03T00:00:00Z", "1020"));
        w.record(reading(meter, kwh, "2024-06-04T00:00:00Z", "5000"));
    }

    private Reading markValid(String instant, String value) {
        return updates.update(new UpdateReadingCommand(w.admin, new ReadingAddress(meter.id(), kwh.id(), Instant.parse(instant), null),
                ReadingChanges.setting(new BigDecimal(value), ReadingSource.ERP, null, null, null, ReadingStatus.VALID, null, null, null),
                null)).written();
    }

    private BigDecimal consumptionJune1to4() {
        ConsumptionReport r = consumption.consumption(new ConsumptionRequest(w.admin, meter.id(), kwh.id(), Optional.empty(),
                new TimeInput.Exact(Instant.parse("2024-06-01T00:00:00Z")), new TimeInput.Exact(Instant.parse("2024-06-04T00:00:00Z")),
                Interval.PERIOD, null));
        return r.table().totalConsumption();
    }

    @Test
    void anImplausibleReadingCountsNowhereUntilMarkedValidThenItCounts() {
        assertThat(w.stored(kwh).get(3).status()).isEqualTo(ReadingStatus.IMPLAUSIBLE);
        assertThat(consumptionJune1to4()).as("June 4th lies after the last plausible reading").isNull();

        Reading marked = markValid("2024-06-04T00:00:00Z", "5000");

        assertThat(marked.status()).isEqualTo(ReadingStatus.VALID);
        assertThat(w.stored(kwh).get(3).status()).isEqualTo(ReadingStatus.VALID);
        assertThat(consumptionJune1to4()).isEqualByComparingTo("4000");
    }

    @Test
    void markingValidJudgesTheReadingAgainstItsNeighbours() {
        // the genuine reading after the surge is judged against June 3rd and accepted
        w.record(reading(meter, kwh, "2024-06-05T00:00:00Z", "1040"));

        assertThatThrownBy(() -> markValid("2024-06-04T00:00:00Z", "5000"))
                .isInstanceOf(InvalidRequestException.class).extracting("reason")
                .isEqualTo(RejectionReason.GREATER_THAN_SUBSEQUENT);
        assertThat(w.stored(kwh).get(3).status()).isEqualTo(ReadingStatus.IMPLAUSIBLE);
    }
}
