package io.metering.application.service.reading;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.in.reading.DeleteReadingCommand;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteReadingServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final DeleteReadingService service = TestServices.deleteReadingService(w.ctx);
    private final Meter meter = w.meter();
    private final Counter counter = w.feedOutCounter(meter);

    private List<Reading> delete(Counter c, String instant, Direction direction, boolean skipValidation) {
        return service.delete(new DeleteReadingCommand(w.admin,
                new ReadingAddress(c.meterId(), c.id(), at(instant), direction), skipValidation));
    }

    private void storeMeterChange(Counter c, String instant, String value) {
        Reading r = ServiceWorld.reading(c, Direction.FEED_OUT, instant, value);
        w.stored(new Reading(r.meterId(), r.counterId(), r.direction(), r.timestamp(), r.value(), r.source(), ReadingReason.METER_CHANGE,
                null, null, null, null, null, null, null));
    }

    @Test
    void deletesTheReadingAndReturnsIt() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150");
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "200");

        List<Reading> deleted = delete(counter, "2024-02-01T00:00:00Z", null, false);

        assertThat(deleted).extracting(Reading::key)
                .containsExactly(ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150").key());
        assertThat(w.values(counter)).containsExactly("100", "200");
    }

    @Test
    void aMissingReadingIsNotFound() {
        assertThatThrownBy(() -> delete(counter, "2024-02-01T00:00:00Z", null, false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void withoutDirectionEveryDirectionAtThatInstantIsDeletedWhenTheCounterImpliesNone() {
        Counter both = w.counter(meter, b -> b.obisNumber("A-34"));
        w.stored(both, Direction.FEED_IN, "2024-01-01T00:00:00Z", "10");
        w.stored(both, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "20");
        w.stored(both, Direction.FEED_OUT, "2024-01-02T00:00:00Z", "30");

        List<Reading> deleted = delete(both, "2024-01-01T00:00:00Z", null, false);

        assertThat(deleted).extracting(Reading::direction).containsExactly(Direction.FEED_IN, Direction.FEED_OUT);
        assertThat(w.values(both)).containsExactly("30");
    }

    @Test
    void withoutDirectionTheCountersImpliedDirectionIsUsed() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "20");
        w.stored(counter, Direction.FEED_IN, "2024-01-01T00:00:00Z", "10");

        delete(counter, "2024-01-01T00:00:00Z", null, false);

        assertThat(w.readings(counter)).extracting(Reading::direction).containsExactly(Direction.FEED_IN);
    }

    @Test
    void deletingASegmentStartThatWouldJoinAHigherSegmentToALowerOneIsRefused() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "500");
        storeMeterChange(counter, "2024-02-01T00:00:00Z", "10");
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "20");

        assertThatThrownBy(() -> delete(counter, "2024-02-01T00:00:00Z", null, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("2024-03-01T00:00:00Z")
                .extracting("reason").isEqualTo(RejectionReason.LESS_THAN_PREVIOUS);
        assertThat(w.values(counter)).containsExactly("500", "10", "20");

        delete(counter, "2024-02-01T00:00:00Z", null, true);
        assertThat(w.values(counter)).containsExactly("500", "20");
    }

    @Test
    void aRegisterWrapAcrossTheGapIsInOrder() {
        Counter rolling = w.counter(meter, b -> b.direction(Direction.FEED_OUT).registerCapacity(new BigDecimal("100000")));
        w.stored(rolling, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "99950");
        w.stored(rolling, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "99990");
        w.stored(rolling, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "20");

        delete(rolling, "2024-02-01T00:00:00Z", null, false);

        assertThat(w.values(rolling)).containsExactly("99950", "20");
    }

    @Test
    void portalUsersMayNotDelete() {
        assertThatThrownBy(() -> service.delete(new DeleteReadingCommand(w.portal,
                new ReadingAddress(meter.id(), counter.id(), at("2024-01-01T00:00:00Z"), null), false)))
                .isInstanceOf(ForbiddenException.class);
    }
}
