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
    void theNamedCounterIsUsed() {
        Counter ht = bareCounter(power).obisNumber("1-0:1.8.1").build();
        Counter nt = bareCounter(power).obisNumber("1-0:1.8.2").build();
        assertThat(resolve(power, List.of(ht, nt), nt.id(), null).counter()).isEqualTo(nt);
    }

    @Test
    void aNamedCounterOfAnotherMeterIsNotFound() {
        Counter own = bareCounter(power).obisNumber("1-0:1.8.0").build();
        assertThatThrownBy(() -> resolve(power, List.of(own), CounterId.random(), Direction.FEED_OUT))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void withoutCounterTheOnlyCounterOfTheMeterIsUsed() {
        Counter only = bareCounter(power).obisNumber("1-0:1.8.0").build();
        assertThat(resolve(power, List.of(only), null, null)).isEqualTo(new ReadingTarget(only, Direction.FEED_OUT));
    }

    @Test
    void withoutCounterAMeterWithTwoCountersIsNoCounter() {
        Counter ht = bareCounter(power).obisNumber("1-0:1.8.1").build();
        Counter nt = bareCounter(power).obisNumber("1-0:1.8.2").build();
        assertReason(() -> resolve(power, List.of(ht, nt), null, Direction.FEED_OUT), RejectionReason.NO_COUNTER);
    }

    @Test
    void withoutCounterAMeterWithoutCountersIsNoCounter() {
        assertReason(() -> resolve(power, List.of(), null, Direction.FEED_OUT), RejectionReason.NO_COUNTER);
    }

    // ---- direction

    @Test
    void aNamedDirectionMatchingTheDeclaredOneIsUsed() {
        Counter feedIn = bareCounter(power).direction(Direction.FEED_IN).build();
        assertThat(resolve(power, List.of(feedIn), feedIn.id(), Direction.FEED_IN).direction()).isEqualTo(Direction.FEED_IN);
    }

    @Test
    void aNamedDirectionContradictingTheDeclaredOneIsDirectionMismatch() {
        Counter feedIn = bareCounter(power).direction(Direction.FEED_IN).build();
        assertReason(() -> resolve(power, List.of(feedIn), feedIn.id(), Direction.FEED_OUT), RejectionReason.DIRECTION_MISMATCH);
    }

    @Test
    void aNamedDirectionIsUsedOnACounterThatDeclaresNone() {
        Counter bidirectional = bareCounter(power).build();
        assertThat(resolve(power, List.of(bidirectional), null, Direction.FEED_IN).direction()).isEqualTo(Direction.FEED_IN);
        assertThat(resolve(power, List.of(bidirectional), null, Direction.FEED_OUT).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @Test
    void withoutDirectionTheDeclaredDirectionIsUsed() {
        Counter feedIn = bareCounter(power).direction(Direction.FEED_IN).obisNumber("1-0:1.8.0").build();
        assertThat(resolve(power, List.of(feedIn), null, null).direction()).isEqualTo(Direction.FEED_IN);
    }

    @Test
    void withoutDirectionTheObisCFieldNamesIt() {
        Counter feedIn = bareCounter(power).obisNumber("1-0:2.8.0").build();
        Counter feedOutNt = bareCounter(power).obisNumber("1-0:1.8.2").build();
        assertThat(resolve(power, List.of(feedIn), null, null).direction()).isEqualTo(Direction.FEED_IN);
        assertThat(resolve(power, List.of(feedOutNt), null, null).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @ParameterizedTest
    @EnumSource(value = Sector.class, names = {"GAS", "WATER", "DISTRICT_HEATING", "WASTE_WATER"})
    void sectorsThatOnlyConsumeFallBackToFeedOut(Sector sector) {
        Meter meter = powerMeter().sector(sector).build();
        Counter counter = bareCounter(meter).obisNumber(sector == Sector.GAS ? "7-0:3.0.0" : null).build();
        assertThat(resolve(meter, List.of(counter), null, null).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @Test
    void aPowerCounterWithoutAnyDirectionHintIsNoDirection() {
        Counter counter = bareCounter(power).obisNumber("A-34").build();
        assertReason(() -> resolve(power, List.of(counter), null, null), RejectionReason.NO_DIRECTION);
    }

    @Test
    void aMeterOfUnknownSectorDoesNotFallBack() {
        Meter unknown = powerMeter().sector(null).build();
        Counter counter = bareCounter(unknown).build();
        assertReason(() -> resolve(unknown, List.of(counter), null, null), RejectionReason.NO_DIRECTION);
    }

    @Test
    void aGasMeterWithAnElectricityFeedInCodeFollowsTheCodeNotTheSector() {
        Meter gas = powerMeter().sector(Sector.GAS).build();
        Counter counter = bareCounter(gas).obisNumber("1-0:2.8.0").build();
        assertThat(resolve(gas, List.of(counter), null, null).direction()).isEqualTo(Direction.FEED_IN);
    }
}
