package io.metering.application.service.counter;

import io.metering.application.service.TestServices;

import io.metering.application.access.Caller;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.WriteListener;
import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.FieldChange;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counter administration with typed changes (admin only), and which OBIS numbers a counter takes. */
class CounterAdministrationServiceTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");

    private Counter htCounter() {
        return world.createCounter(meter, CounterChanges.builder()
                .title(set("HT"))
                .obisNumber(set("1-0:1.8.1"))
                .direction(set(Direction.FEED_OUT))
                .tariffType(set(TariffType.HT))
                .unit(set("kWh"))
                .transformerRatio(set(new BigDecimal("40")))
                .conversionFactor(set(new BigDecimal("1.000")))
                .registerCapacity(set(new BigDecimal("1E+6")))
                .extra("seal_number", "P-4711"));
    }

    private static CounterChanges unit(String unit) {
        return CounterChanges.builder().unit(set(unit)).build();
    }

    private static CounterChanges.Builder capacity(String capacity) {
        return CounterChanges.builder().registerCapacity(set(new BigDecimal(capacity)));
    }

    @Test
    void createSetsTheTypedFieldsAndKeepsTheExtraAttributes() {
        Counter c = htCounter();
        assertThat(c.meterId()).isEqualTo(meter.id());
        assertThat(c.title()).isEqualTo("HT");
        assertThat(c.obisNumber()).isEqualTo("1-0:1.8.1");
        assertThat(c.direction()).isEqualTo(Direction.FEED_OUT);
        assertThat(c.tariffType()).isEqualTo(TariffType.HT);
        assertThat(c.unit()).isEqualTo("kWh");
        assertThat(c.transformerRatio()).isEqualByComparingTo("40");
        assertThat(c.conversionFactor()).isEqualTo(BigDecimal.ONE);
        assertThat(c.registerCapacity().toPlainString()).isEqualTo("1000000");
        assertThat(c.attributes()).containsOnlyKeys("seal_number");
        assertThat(world.store.findByMeter(ServiceWorld.ORG, meter.id())).containsExactly(c);
    }

    @Test
    void aChangeThatChangesNothingWritesNothingAndTellsNoOne() {
        List<Counter> told = new ArrayList<>();
        CounterAdministrationService service = TestServices.counterAdministration(world.ctx, new WriteListener() {
                    @Override
                    public void counterUpdated(Caller caller, Counter counter) {
                        told.add(counter);
                    }
                });
        Counter c = htCounter();
        world.clock.advance(Duration.ofHours(1));

        Counter same = service.update(world.admin, c.id(), CounterChanges.builder().unit(set("kWh"))
                .transformerRatio(set(new BigDecimal("40.0"))).extra("seal_number", "P-4711").build());

        assertThat(same).isEqualTo(c);
        assertThat(world.store.findById(ServiceWorld.ORG, c.id())).contains(c);
        assertThat(told).isEmpty();

        Counter changed = service.update(world.admin, c.id(), CounterChanges.builder().title(set("HT 2")).build());
        assertThat(changed.updatedAt()).isAfter(c.updatedAt());
        assertThat(told).containsExactly(changed);
    }

    @Test
    void aGivenIdCannotBeUsedTwice() {
        CounterId id = new CounterId(UUID.fromString("9b2f3c1e-0000-4000-8000-000000000001"));
        world.counters.create(world.admin, meter.id(), id, CounterChanges.NONE);
        assertThat(world.store.findById(ServiceWorld.ORG, id)).isPresent();
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), id, CounterChanges.NONE))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aFactorThatIsNotPositiveIsRefusedNamingIt() {
        assertThatThrownBy(() -> world.createCounter(meter, CounterChanges.builder().transformerRatio(set(BigDecimal.ZERO))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER))
                .hasMessageContaining("transformer_ratio");
        assertThat(world.store.findByMeter(ServiceWorld.ORG, meter.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0:1.8.0", "1-0:2.8.1*255", "1.8.0", "7-0:3.0.0", "8-0:1.0.0", "1-1:1.29.0", "A-34", "1-0:C.1.0"})
    void anObisNumberIsAnObisCodeInTheFormsTheContractAndTheFieldUse(String obis) {
        assertThat(world.createCounter(meter, obis).obisNumber()).isEqualTo(obis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzzz", "", " ", "meter 1", "1-0:1.8.0 kWh", "feed-in", "1234-0:1.8.0"})
    void freeTextIsNoObisNumberAndNothingIsStored(String obis) {
        assertThatThrownBy(() -> world.createCounter(meter, obis))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER))
                .hasMessageContaining("obis_number '" + obis + "' is not an OBIS code")
                .hasMessageContaining("1-0:1.8.0");
        Counter c = world.consumptionCounter(meter);
        assertThatThrownBy(() -> world.counters.update(world.admin, c.id(), CounterChanges.builder().obisNumber(set(obis)).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(world.store.findByMeter(ServiceWorld.ORG, meter.id())).containsExactly(c);
    }

    @Test
    void aCounterNeedsAMeterInReach() {
        assertThatThrownBy(() -> world.counters.create(world.admin, MeterId.random(), null, CounterChanges.NONE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.counters.create(world.otherOrgAdmin, meter.id(), null, CounterChanges.NONE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void portalUsersDoNotAdministerCounters() {
        Counter c = htCounter();
        assertThatThrownBy(() -> world.counters.create(portal("contact-anna"), meter.id(), null, CounterChanges.NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.counters.update(portal("contact-anna"), c.id(), unit("Wh")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.counters.delete(portal("contact-anna"), c.id()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void updateSetsAndClearsWhatItNamesAndKeepsTheRest() {
        Counter c = htCounter();
        Counter updated = world.counters.update(world.admin, c.id(), CounterChanges.builder().tariffType(set(TariffType.NT))
                .obisNumber(set("1-0:1.8.2")).extra("seal_number", null).registerCapacity(FieldChange.clear())
                .extra("location", "cellar").build());
        assertThat(updated.tariffType()).isEqualTo(TariffType.NT);
        assertThat(updated.obisNumber()).isEqualTo("1-0:1.8.2");
        assertThat(updated.registerCapacity()).isNull();
        assertThat(updated.capacity()).isEmpty();
        assertThat(updated.attributes()).containsOnlyKeys("location");
        assertThat(updated.transformerRatio()).isEqualByComparingTo("40");
        assertThat(world.store.findById(ServiceWorld.ORG, c.id())).contains(updated);
    }

    @Test
    void anUnknownCounterIsNotFound() {
        assertThatThrownBy(() -> world.counters.update(world.admin, CounterId.random(), unit("Wh")))
                .isInstanceOf(NotFoundException.class);
        Counter c = htCounter();
        assertThatThrownBy(() -> world.counters.update(world.otherOrgAdmin, c.id(), unit("Wh")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingACounterDeletesItsReadings() {
        Counter c = world.consumptionCounter(meter);
        world.record(reading(meter, c, "2024-06-01T00:00:00Z", "10"));
        world.counters.delete(world.admin, c.id());
        assertThat(world.store.findById(ServiceWorld.ORG, c.id())).isEmpty();
        assertThat(world.stored(c)).isEmpty();
        assertThat(world.store.findById(ServiceWorld.ORG, meter.id())).isPresent();
    }

    @Test
    void aRegisterCapacityIsAWholeNumber() {
        assertThatThrownBy(() -> world.createCounter(meter, capacity("0.5")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> world.createCounter(meter, capacity("99999.5")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("whole number");
    }

    @Test
    void aRegisterCapacityCannotBeLoweredToOrBelowAStoredValue() {
        Counter c = world.consumptionCounter(meter);
        world.record(reading(meter, c, "2024-06-01T00:00:00Z", "500"), reading(meter, c, "2024-06-02T00:00:00Z", "800"));

        assertThatThrownBy(() -> world.counters.update(world.admin, c.id(), capacity("100").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.EXCEEDS_REGISTER_CAPACITY))
                .hasMessageContaining("800");
        assertThatThrownBy(() -> world.counters.update(world.admin, c.id(), capacity("800").build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(world.store.findById(ServiceWorld.ORG, c.id()).orElseThrow().registerCapacity()).isNull();
        assertThat(world.counters.update(world.admin, c.id(), capacity("1000").build()).registerCapacity())
                .isEqualByComparingTo("1000");
    }
}
