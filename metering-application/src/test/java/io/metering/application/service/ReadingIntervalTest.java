package io.metering.application.service;

import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.PageRequest;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.time.TimeInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interval of getReadingsByInterval: dates are whole days in Europe/Berlin, bounds inclusive. */
class ReadingIntervalTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);

    private ReadingsPage list(String start, String end) {
        return world.listAndStream(new ReadingsRequest(world.admin, meter.id(), counter.id(), Optional.empty(),
                start == null ? null : TimeInput.parse(start, "start_date", ServiceWorld.BERLIN),
                end == null ? null : TimeInput.parse(end, "end_date", ServiceWorld.BERLIN),
                null, null, new PageRequest(0, PageRequest.ALL), false));
    }

    private static List<String> values(ReadingsPage page) {
        return page.results().stream().map(v -> v.reading().value().toPlainString()).toList();
    }

    /**
     * Readings 1 ms before the day, at its first instant, at its last millisecond and at the next
     * day's first instant: the date lists the middle two.
     */
    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
            "a winter date spans 23:00 UTC to 22:59:59.999 UTC, 2024-03-10, 2024-03-09T23:00:00Z, 2024-03-10T23:00:00Z",
            "a summer date spans 22:00 UTC to 21:59:59.999 UTC, 2024-06-02, 2024-06-01T22:00:00Z, 2024-06-02T22:00:00Z",
            "the spring clock change day has 23 hours, 2024-03-31, 2024-03-30T23:00:00Z, 2024-03-31T22:00:00Z",
    })
    void aDateIsTheWholeDayInBerlin(String rule, String date, Instant start, Instant nextStart) {
        world.record(
                reading(meter, counter, start.minusMillis(1).toString(), "1"),
                reading(meter, counter, start.toString(), "2"),
                reading(meter, counter, nextStart.minusMillis(1).toString(), "3"),
                reading(meter, counter, nextStart.toString(), "4"));
        assertThat(values(list(date, date))).containsExactly("2", "3");
    }

    @Test
    void exactBoundsAreInclusive() {
        world.record(
                reading(meter, counter, "2024-05-01T08:00:00Z", "1"),
                reading(meter, counter, "2024-05-02T08:00:00Z", "2"),
                reading(meter, counter, "2024-05-03T08:00:00Z", "3"));
        assertThat(values(list("2024-05-01T08:00:00Z", "2024-05-02T08:00:00Z"))).containsExactly("1", "2");
        assertThat(values(list("2024-05-01T08:00:00.001Z", "2024-05-03T07:59:59.999Z"))).containsExactly("2");
    }

    @Test
    void startAfterEndIsInvalid() {
        assertThatThrownBy(() -> list("2024-05-02", "2024-05-01"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
        assertThatThrownBy(() -> list("2024-05-01T08:00:00.001Z", "2024-05-01T08:00:00Z"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void startEqualToEndIsAValidInstantInterval() {
        world.record(reading(meter, counter, "2024-05-01T08:00:00Z", "1"));
        assertThat(values(list("2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z"))).containsExactly("1");
    }

    @Test
    void aStartDateAfterAnExactEndOnTheSameDayIsInvalid() {
        // start 2024-05-02 is 2024-05-01T22:00Z, after an end of 2024-05-01T21:00Z
        assertThatThrownBy(() -> list("2024-05-02", "2024-05-01T21:00:00Z")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void withoutStartTheIntervalBeginsOnJanuaryFirst2000InBerlin() {
        world.record(
                reading(meter, counter, "1999-12-31T22:59:59.999Z", "1"),
                reading(meter, counter, "1999-12-31T23:00:00Z", "2"));
        assertThat(values(list(null, null))).containsExactly("2");
    }

    @Test
    void withoutEndTheIntervalEndsWithTodayInBerlin() {
        // now is 2024-06-15T10:00Z; today in Berlin ends at 2024-06-15T22:00Z
        world.record(world.admin, new WriteOptions(true, false),
                reading(meter, counter, "2024-06-15T21:59:59.999Z", "1"),
                reading(meter, counter, "2024-06-15T22:00:00Z", "2"));
        assertThat(values(list(null, null))).containsExactly("1");
    }
}
