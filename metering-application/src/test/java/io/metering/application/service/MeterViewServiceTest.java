package io.metering.application.service;

import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.relation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.in.meter.CounterView;
import io.metering.application.port.in.meter.MeterView;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.governance.EditMode;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's meter and counter reads, with what portal users reach and the latest readings. */
class MeterViewServiceTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter annasMeter = world.powerMeterOf("contact-anna");
    private final Meter contractMeter = world.createMeter(MeterChanges.builder().contracts(relation("contract", "contract-42")));
    private final Meter bensMeter = world.powerMeterOf("contact-ben");

    private static List<MeterId> ids(List<MeterView> views) {
        return views.stream().map(v -> v.meter().id()).toList();
    }

    @Test
    void aCustomerSeesTheMetersOfTheirContactAndContracts() {
        assertThat(ids(world.views.customerMeters(portal("contact-anna", "contract-42"), false)))
                .containsExactlyInAnyOrder(annasMeter.id(), contractMeter.id());
        assertThat(ids(world.views.customerMeters(portal("contact-anna"), false))).containsExactly(annasMeter.id());
    }

    @Test
    void customerMetersComeOldestFirst() {
        world.clock.advance(java.time.Duration.ofMinutes(1));
        Meter second = world.powerMeterOf("contact-carl");
        world.clock.set(ServiceWorld.NOW.minusSeconds(60));
        Meter first = world.powerMeterOf("contact-carl");
        assertThat(ids(world.views.customerMeters(portal("contact-carl"), false))).containsExactly(first.id(), second.id());
    }

    @Test
    void adminsHaveNoCustomerMeters() {
        assertThatThrownBy(() -> world.views.customerMeters(world.admin, false)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void metersByContractAreLimitedToWhatTheCallerReaches() {
        Meter annasContractMeter = world.createMeter(MeterChanges.builder().customers(relation("contact", "contact-anna"))
                .contracts(relation("contract", "contract-42")));
        assertThat(ids(world.views.metersByContract(world.admin, "contract-42")))
                .containsExactlyInAnyOrder(contractMeter.id(), annasContractMeter.id());
        assertThat(ids(world.views.metersByContract(portal("contact-anna"), "contract-42")))
                .containsExactly(annasContractMeter.id());
        assertThat(world.views.metersByContract(portal("contact-ben"), "contract-42")).isEmpty();
    }

    @Test
    void aMeterOutsideReachReadsAsNotFound() {
        assertThat(world.views.meter(portal("contact-anna"), annasMeter.id()).meter()).isEqualTo(annasMeter);
        assertThatThrownBy(() -> world.views.meter(portal("contact-anna"), bensMeter.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.views.meter(world.otherOrgAdmin, annasMeter.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.views.counters(portal("contact-anna"), bensMeter.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCounterOutsideReachReadsAsNotFound() {
        Counter bens = world.consumptionCounter(bensMeter);
        assertThatThrownBy(() -> world.views.counter(portal("contact-anna"), bens.id())).isInstanceOf(NotFoundException.class);
        assertThat(world.views.counter(portal("contact-ben"), bens.id()).counter()).isEqualTo(bens);
    }

    @Test
    void lastReadingAndCurrentConsumptionAreTheLatestPlausibleReading() {
        Counter feedOut = world.consumptionCounter(annasMeter);
        world.clock.advance(java.time.Duration.ofMinutes(1));
        Counter feedIn = world.createCounter(annasMeter, "1-0:2.8.0");
        world.record(reading(annasMeter, feedOut, "2024-05-01T00:00:00Z", "100"), reading(annasMeter, feedOut, "2024-06-01T00:00:00Z", "180"));
        world.record(reading(annasMeter, feedIn, "2024-05-20T00:00:00Z", "7"));
        world.record(reading(annasMeter, feedOut, "2024-06-10T00:00:00Z", "999999").status(ReadingStatus.IMPLAUSIBLE));

        List<CounterView> counters = world.views.counters(world.admin, annasMeter.id());
        assertThat(counters).extracting(CounterView::counter).containsExactly(feedOut, feedIn);
        assertThat(counters.get(0).lastReading()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(counters.get(0).currentConsumption()).isEqualByComparingTo("180");
        assertThat(counters.get(1).lastReading()).isEqualTo(Instant.parse("2024-05-20T00:00:00Z"));
        assertThat(counters.get(1).currentConsumption()).isEqualByComparingTo("7");

        MeterView view = world.views.meter(world.admin, annasMeter.id());
        assertThat(view.lastReading()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(view.currentConsumption()).isEqualByComparingTo("180");
    }

    @Test
    void aMeterWithoutReadingsHasNoneToShow() {
        MeterView view = world.views.meter(world.admin, annasMeter.id());
        assertThat(view.lastReading()).isNull();
        assertThat(view.currentConsumption()).isNull();
    }

    @Test
    void customerMetersCarryPendingChangesetsWhenAskedFor() {
        Meter governed = world.createMeter(MeterChanges.builder().customers(relation("contact", "contact-anna"))
                .governance(ServiceWorld.governed(EditMode.APPROVAL)));
        Counter c = world.consumptionCounter(governed);
        world.record(portal("contact-anna"), io.metering.application.port.in.reading.WriteOptions.DEFAULT,
                reading(governed, c, "2024-06-01T00:00:00Z", "10"));

        List<MeterView> with = world.views.customerMeters(portal("contact-anna"), true);
        assertThat(with).filteredOn(v -> v.meter().id().equals(governed.id())).singleElement()
                .satisfies(v -> assertThat(v.pendingChangesets()).hasSize(1));
        assertThat(world.views.customerMeters(portal("contact-anna"), false))
                .allSatisfy(v -> assertThat(v.pendingChangesets()).isEmpty());
    }
}
