package io.metering.application.service.reading;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingRecorder;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.ReadingSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the v1 create path that the other write use cases now share through ReadingRecorder. */
class RecordReadingsServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final RecordReadingsService service = TestServices.recordReadingsService(w.ctx, PlausibilityProvider.NONE);

    private static ReadingInput input(Meter m, Counter c, String instant, String value, ReadingSource source) {
        return new ReadingInput(m.id(), c.id(), null, at(instant), dec(value), source, null, null, null, null, null, null, null,
                null);
    }

    @Test
    void writesDirectlyOnUngovernedMetersAndRejectsDuplicates() {
        Meter m = w.meter();
        Counter c = w.feedOutCounter(m);
        w.stored(c, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");

        RecordResult result = service.record(new RecordReadingsCommand(w.admin,
                List.of(input(m, c, "2024-02-01T00:00:00Z", "150", ReadingSource.APP_360)), WriteOptions.DEFAULT));

        assertThat(result.written()).hasSize(1);
        assertThat(w.values(c)).containsExactly("100", "150");
        assertThatThrownBy(() -> service.record(new RecordReadingsCommand(w.admin,
                List.of(input(m, c, "2024-02-01T00:00:00Z", "150", ReadingSource.APP_360)), WriteOptions.DEFAULT)))
                .isInstanceOf(InvalidRequestException.class)
                .extracting("reason").isEqualTo(RejectionReason.DUPLICATE_READING);
    }

    @Test
    void governedNonDirectWriteBecomesChangesetAndErpWriteClearsIt() {
        Meter m = w.governedMeter();
        Counter c = w.feedOutCounter(m);

        RecordResult proposed = service.record(new RecordReadingsCommand(w.admin,
                List.of(input(m, c, "2024-02-01T00:00:00Z", "150", ReadingSource.ECP)), WriteOptions.DEFAULT));
        assertThat(proposed.written()).isEmpty();
        assertThat(proposed.pending()).hasSize(1);
        assertThat(w.readings(c)).isEmpty();

        service.record(new RecordReadingsCommand(w.admin,
                List.of(input(m, c, "2024-02-01T00:00:00Z", "150", ReadingSource.ERP)), WriteOptions.DEFAULT));
        assertThat(w.values(c)).containsExactly("150");
        assertThat(w.changesets(c)).isEmpty();
    }
}
