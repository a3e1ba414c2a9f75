package io.metering.application.service.counter;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.CounterLocator;
import io.metering.application.model.MeterKey;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import org.junit.jupiter.api.Test;

/** Meters by MaLo id, MeLo id and meter number, counters by OBIS code: found once, never guessed. */
class CounterLocatorServiceTest {
    private final ServiceWorld world = new ServiceWorld();
    private final CounterLocatorService service = new CounterLocatorService(world.ctx.transactions(), world.ctx.meters(),
            world.ctx.counters());
    private final Meter meter = world.createMeter(MeterChanges.builder().sector(set(Sector.POWER)).maLoId(set("51238696781"))
            .meterNumber(set("1ESY1161229886")).extra("me_lo_id", "DE0001062600000001000000022345671"));
    private final CounterLocator locator = service.locator(world.admin);

    @Test
    void findsTheMeterByEachKey() {
        assertThat(locator.meter(new MeterKey(MeterKey.Kind.MA_LO_ID, "51238696781"))).isEqualTo(meter.id());
        assertThat(locator.meter(new MeterKey(MeterKey.Kind.METER_NUMBER, "1ESY1161229886"))).isEqualTo(meter.id());
        assertThat(locator.meter(new MeterKey(MeterKey.Kind.ME_LO_ID, "DE0001062600000001000000022345671"))).isEqualTo(meter.id());
        assertThat(locator.meter(new MeterKey(MeterKey.Kind.METER_ID, meter.id().toString()))).isEqualTo(meter.id());
    }

    @Test
    void refusesUnknownAndAmbiguousMeterKeys() {
        world.createMeter(MeterChanges.builder().sector(set(Sector.POWER)).meterNumber(set("1ESY1161229886")));

        assertThatThrownBy(() -> locator.meter(new MeterKey(MeterKey.Kind.MA_LO_ID, "99999999999")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY))
                .hasMessageContaining("ma_lo_id '99999999999'");
        assertThatThrownBy(() -> locator.meter(new MeterKey(MeterKey.Kind.METER_NUMBER, "1ESY1161229886")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.AMBIGUOUS_KEY))
                .hasMessageContaining("2 meters have meter_number '1ESY1161229886'");
        assertThatThrownBy(() -> service.locator(world.otherOrgAdmin).meter(new MeterKey(MeterKey.Kind.MA_LO_ID, "51238696781")))
                .as("another organization's meter is not found")
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY));
        assertThatThrownBy(() -> service.locator(ServiceWorld.portal("anna")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void findsTheCounterByObisCodeAndDirection() {
        Counter out = world.createCounter(meter, CounterChanges.builder().obisNumber(set("1-0:1.8.0")).unit(set("kWh")));
        Counter in = world.createCounter(meter, CounterChanges.builder().obisNumber(set("1-0:2.8.0")).unit(set("kWh")));
        Counter both1 = world.createCounter(meter, CounterChanges.builder().obisNumber(set("1-1:1.29.0")).direction(set(Direction.FEED_OUT)));
        Counter both2 = world.createCounter(meter, CounterChanges.builder().obisNumber(set("1-1:1.29.0")).direction(set(Direction.FEED_IN)));

        assertThat(locator.counter(meter.id(), "1-0:1.8.0*255", null)).isEqualTo(out.id());
        assertThat(locator.counter(meter.id(), "2.8.0", null)).isEqualTo(in.id());
        assertThat(locator.counter(meter.id(), "1-1:1.29.0", Direction.FEED_IN)).isEqualTo(both2.id());
        assertThat(locator.counter(meter.id(), "1-1:1.29.0", Direction.FEED_OUT)).isEqualTo(both1.id());
        assertThatThrownBy(() -> locator.counter(meter.id(), "1-1:1.29.0", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.AMBIGUOUS_KEY))
                .hasMessageContaining("2 counters with OBIS code '1-1:1.29.0'");
        assertThatThrownBy(() -> locator.counter(meter.id(), "1-0:1.8.1", null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY));
    }
}
