package io.metering.application.service;

import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.PageRequest;
import io.metering.application.port.in.ReadingsPage;
import io.metering.application.port.in.ReadingsRequest;
import io.metering.application.port.in.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.time.TimeInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interval of getReadingsByInterval: dates are whole days in Europe/Berlin, bounds inclusive. */
class ReadingIntervalTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);

    private ReadingsPage list(String start, String end) {
        return world.listing.list(new ReadingsRequest(world.admin, meter.id(), counter.id(), Optional.empty(),
                start == null ? null : TimeInput.parse(start, "start_date", ServiceWorld.BERLIN),
                end == null ? null : TimeInput.parse(end, "end_date", ServiceWorld.BERLIN),
                null, null, new PageRequest(0, PageRequest.ALL), false));
    }

    private static List<String> values(ReadingsPage page) {
        return page.results().stream().map(v -> v.reading().value().toPlainString()).toList();
    }

    @Test
    void a_winter_date_spans_23_00_utc_to_22_59_59_999_utc() {
        world.record(
                reading(meter, counter, "2024-03-09T22:59:59.999Z", "1"),
                reading(meter, counter, "2024-03-09T23:00:00Z", "2"),
                reading(meter, counter, "2024-03-10T22:59:59.999Z", "3"),
                reading(meter, counter, "2024-03-10T23:00:00Z", "4"));
        assertThat(values(list("2024-03-10", "2024-03-10"))).containsExactly("2", "3");
    }

    @Test
    void a_summer_date_spans_22_00_utc_to_21_59_59_999_utc() {
        world.record(
                reading(meter, counter, "2024-06-01T21:59:59.999Z", "1"),
                reading(meter, counter, "2024-06-01T22:00:00Z", "2"),
                reading(meter, counter, "2024-06-02T21:59:59.999Z", "3"),
                reading(meter, counter, "2024-06-02T22:00:00Z", "4"));
        assertThat(values(list("2024-06-02", "2024-06-02"))).containsExactly("2", "3");
    }

    @Test
    void the_spring_clock_change_day_has_23_hours() {
        world.record(
                reading(meter, counter, "2024-03-30T22:59:59.999Z", "1"),
                reading(meter, counter, "2024-03-30T23:00:00Z", "2"),
                reading(meter, counter, "2024-03-31T21:59:59.999Z", "3"),
                reading(meter, counter, "2024-03-31T22:00:00Z", "4"));
        assertThat(values(list("2024-03-31", "2024-03-31"))).containsExactly("2", "3");
    }

    @Test
    void exact_bounds_are_inclusive() {
        world.record(
                reading(meter, counter, "2024-05-01T08:00:00Z", "1"),
                reading(meter, counter, "2024-05-02T08:00:00Z", "2"),
                reading(meter, counter, "2024-05-03T08:00:00Z", "3"));
        assertThat(values(list("2024-05-01T08:00:00Z", "2024-05-02T08:00:00Z"))).containsExactly("1", "2");
        assertThat(values(list("2024-05-01T08:00:00.001Z", "2024-05-03T07:59:59.999Z"))).containsExactly("2");
    }

    @Test
    void start_after_end_is_invalid() {
        assertThatThrownBy(() -> list("2024-05-02", "2024-05-01"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
        assertThatThrownBy(() -> list("2024-05-01T08:00:00.001Z", "2024-05-01T08:00:00Z"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void start_equal_to_end_is_a_valid_instant_interval() {
        world.record(reading(meter, counter, "2024-05-01T08:00:00Z", "1"));
        assertThat(values(list("2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z"))).containsExactly("1");
    }

    @Test
    void a_start_date_after_an_exact_end_on_the_same_day_is_invalid() {
        // start 2024-05-02 is 2024-05-01T22:00Z, after an end of 2024-05-01T21:00Z
        assertThatThrownBy(() -> list("2024-05-02", "2024-05-01T21:00:00Z")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void without_start_the_interval_begins_on_january_first_2000_in_berlin() {
        world.record(
                reading(meter, counter, "1999-12-31T22:59:59.999Z", "1"),
                reading(meter, counter, "1999-12-31T23:00:00Z", "2"));
        assertThat(values(list(null, null))).containsExactly("2");
    }

    @Test
    void without_end_the_interval_ends_with_today_in_berlin() {
        // now is 2024-06-15T10:00Z; today in Berlin ends at 2024-06-15T22:00Z
        world.record(world.admin, new WriteOptions(true, false),
                reading(meter, counter, "2024-06-15T21:59:59.999Z", "1"),
                reading(meter, counter, "2024-06-15T22:00:00Z", "2"));
        assertThat(values(list(null, null))).containsExactly("1");
    }
}
