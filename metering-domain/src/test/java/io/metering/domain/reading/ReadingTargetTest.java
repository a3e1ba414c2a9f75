package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.bareCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadingTargetTest {
    private final Meter power = powerMeter().build();

    private static ReadingTarget resolve(Meter meter, List<Counter> counters, CounterId id, Direction direction) {
        return ReadingTarget.resolve(meter, counters, Optional.ofNullable(id), Optional.ofNullable(direction));
    }

    private static void assertReason(Runnable r, RejectionReason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    // ---- counter

    @Test
    void the_named_counter_is_used() {
        Counter ht = bareCounter(power).obisNumber("1-0:1.8.1").build();
        Counter nt = bareCounter(power).obisNumber("1-0:1.8.2").build();
        assertThat(resolve(power, List.of(ht, nt), nt.id(), null).counter()).isEqualTo(nt);
    }

    @Test
    void a_named_counter_of_another_meter_is_not_found() {
        Counter own = bareCounter(power).obisNumber("1-0:1.8.0").build();
        assertThatThrownBy(() -> resolve(power, List.of(own), CounterId.random(), Direction.FEED_OUT))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void without_counter_the_only_counter_of_the_meter_is_used() {
        Counter only = bareCounter(power).obisNumber("1-0:1.8.0").build();
        assertThat(resolve(power, List.of(only), null, null)).isEqualTo(new ReadingTarget(only, Direction.FEED_OUT));
    }

    @Test
    void without_counter_a_meter_with_two_counters_is_no_counter() {
        Counter ht = bareCounter(power).obisNumber("1-0:1.8.1").build();
        Counter nt = bareCounter(power).obisNumber("1-0:1.8.2").build();
        assertReason(() -> resolve(power, List.of(ht, nt), null, Direction.FEED_OUT), RejectionReason.NO_COUNTER);
    }

    @Test
    void without_counter_a_meter_without_counters_is_no_counter() {
        assertReason(() -> resolve(power, List.of(), null, Direction.FEED_OUT), RejectionReason.NO_COUNTER);
    }

    // ---- direction

    @Test
    void a_named_direction_matching_the_declared_one_is_used() {
        Counter feedIn = bareCounter(power).direction(Direction.FEED_IN).build();
        assertThat(resolve(power, List.of(feedIn), feedIn.id(), Direction.FEED_IN).direction()).isEqualTo(Direction.FEED_IN);
    }

    @Test
    void a_named_direction_contradicting_the_declared_one_is_direction_mismatch() {
        Counter feedIn = bareCounter(power).direction(Direction.FEED_IN).build();
        assertReason(() -> resolve(power, List.of(feedIn), feedIn.id(), Direction.FEED_OUT), RejectionReason.DIRECTION_MISMATCH);
    }

    @Test
    void a_named_direction_is_used_on_a_counter_that_declares_none() {
        Counter bidirectional = bareCounter(power).build();
        assertThat(resolve(power, List.of(bidirectional), null, Direction.FEED_IN).direction()).isEqualTo(Direction.FEED_IN);
        assertThat(resolve(power, List.of(bidirectional), null, Direction.FEED_OUT).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @Test
    void without_direction_the_declared_direction_is_used() {
        Counter feedIn = bareCounter(power).direction(Direction.FEED_IN).obisNumber("1-0:1.8.0").build();
        assertThat(resolve(power, List.of(feedIn), null, null).direction()).isEqualTo(Direction.FEED_IN);
    }

    @Test
    void without_direction_the_obis_c_field_names_it() {
        Counter feedIn = bareCounter(power).obisNumber("1-0:2.8.0").build();
        Counter feedOutNt = bareCounter(power).obisNumber("1-0:1.8.2").build();
        assertThat(resolve(power, List.of(feedIn), null, null).direction()).isEqualTo(Direction.FEED_IN);
        assertThat(resolve(power, List.of(feedOutNt), null, null).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @ParameterizedTest
    @EnumSource(value = Sector.class, names = {"GAS", "WATER", "DISTRICT_HEATING", "WASTE_WATER"})
    void sectors_that_only_consume_fall_back_to_feed_out(Sector sector) {
        Meter meter = powerMeter().sector(sector).build();
        Counter counter = bareCounter(meter).obisNumber(sector == Sector.GAS ? "7-0:3.0.0" : null).build();
        assertThat(resolve(meter, List.of(counter), null, null).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @Test
    void a_power_counter_without_any_direction_hint_is_no_direction() {
        Counter counter = bareCounter(power).obisNumber("A-34").build();
        assertReason(() -> resolve(power, List.of(counter), null, null), RejectionReason.NO_DIRECTION);
    }

    @Test
    void a_meter_of_unknown_sector_does_not_fall_back() {
        Meter unknown = powerMeter().sector(null).build();
        Counter counter = bareCounter(unknown).build();
        assertReason(() -> resolve(unknown, List.of(counter), null, null), RejectionReason.NO_DIRECTION);
    }

    @Test
    void a_gas_meter_with_an_electricity_feed_in_code_follows_the_code_not_the_sector() {
        Meter gas = powerMeter().sector(Sector.GAS).build();
        Counter counter = bareCounter(gas).obisNumber("1-0:2.8.0").build();
        assertThat(resolve(gas, List.of(counter), null, null).direction()).isEqualTo(Direction.FEED_IN);
    }
}
