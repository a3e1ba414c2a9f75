package io.metering.application.service.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.service.ServiceWorld;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.plausibility.RegisterHistory;
import io.metering.domain.reading.SeriesKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The meter pace reads the registers that count in the same unit, its text compared without surrounding blanks. */
class OtherRegistersUnitTest {
    private final Meter meter = Meter.builder(MeterId.random(), ServiceWorld.ORG, ServiceWorld.NOW).build();

    private Counter counter(String unit) {
        return Counter.builder(CounterId.random(), meter).direction(Direction.FEED_OUT).unit(unit).build();
    }

    @Test
    void aUnitWithBlanksAroundItIsTheSameUnitAndCaseIsNot() {
        Counter own = counter("kWh");
        Counter padded = counter(" kWh ");
        Counter other = counter("MWh");

        List<RegisterHistory> read = HistoryPlausibilityProvider.otherRegisters(new SeriesKey(own.id(), Direction.FEED_OUT), own,
                List.of(own, padded, other), (key, c) -> new RegisterHistory(key, List.of(), Optional.empty()));

        assertThat(read).extracting(h -> h.series().counterId()).containsExactly(padded.id());
    }
}
