package io.metering.application.service.counter;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.attrs;
import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

/** Counter administration by contract attribute names (admin only). */
class CounterAdministrationServiceTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");

    private Counter htCounter() {
        return world.counters.create(world.admin, meter.id(), attrs(
                "_title", "HT",
                "obis_number", "1-0:1.8.1",
                "direction", "feed-out",
                "tariff_type", "ht",
                "unit", "kWh",
                "transformer_ratio", new BigDecimal("40"),
                "conversion_factor", new BigDecimal("1.000"),
                "register_capacity", new BigDecimal("1E+6"),
                "seal_number", "P-4711",
                "meter_id", MeterId.random().toString(),
                "last_reading", "2020-01-01T00:00:00Z"));
    }

    @Test
    void create_maps_contract_attribute_names_to_typed_fields() {
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
    void a_given_id_cannot_be_used_twice() {
        String id = "9b2f3c1e-0000-4000-8000-000000000001";
        world.counters.create(world.admin, meter.id(), attrs("_id", id));
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("_id", id)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void invalid_values_are_refused_naming_the_attribute() {
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("direction", "in")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER))
                .hasMessageContaining("direction");
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("transformer_ratio", BigDecimal.ZERO)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("transformer_ratio");
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("register_capacity", "five digits")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("register_capacity");
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("_schema", "meter")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("_schema");
        assertThat(world.store.findByMeter(ServiceWorld.ORG, meter.id())).isEmpty();
    }

    @Test
    void a_counter_needs_a_meter_in_reach() {
        assertThatThrownBy(() -> world.counters.create(world.admin, MeterId.random(), attrs()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.counters.create(world.otherOrgAdmin, meter.id(), attrs()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void portal_users_do_not_administer_counters() {
        Counter c = htCounter();
        assertThatThrownBy(() -> world.counters.create(portal("contact-anna"), meter.id(), attrs()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.counters.update(portal("contact-anna"), c.id(), attrs("unit", "Wh")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.counters.delete(portal("contact-anna"), c.id()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void update_changes_the_named_attributes_and_null_removes() {
        Counter c = htCounter();
        Counter updated = world.counters.update(world.admin, c.id(), attrs("tariff_type", "nt", "obis_number", "1-0:1.8.2",
                "seal_number", null, "register_capacity", null, "location", "cellar"));
        assertThat(updated.tariffType()).isEqualTo(TariffType.NT);
        assertThat(updated.obisNumber()).isEqualTo("1-0:1.8.2");
        assertThat(updated.registerCapacity()).isNull();
        assertThat(updated.capacity()).isEmpty();
        assertThat(updated.attributes()).containsOnlyKeys("location");
        assertThat(updated.transformerRatio()).isEqualByComparingTo("40");
        assertThat(world.store.findById(ServiceWorld.ORG, c.id())).contains(updated);
    }

    @Test
    void an_unknown_counter_is_not_found() {
        assertThatThrownBy(() -> world.counters.update(world.admin, CounterId.random(), attrs("unit", "Wh")))
                .isInstanceOf(NotFoundException.class);
        Counter c = htCounter();
        assertThatThrownBy(() -> world.counters.update(world.otherOrgAdmin, c.id(), attrs("unit", "Wh")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleting_a_counter_deletes_its_readings() {
        Counter c = world.consumptionCounter(meter);
        world.record(reading(meter, c, "2024-06-01T00:00:00Z", "10"));
        world.counters.delete(world.admin, c.id());
        assertThat(world.store.findById(ServiceWorld.ORG, c.id())).isEmpty();
        assertThat(world.stored(c)).isEmpty();
        assertThat(world.store.findById(ServiceWorld.ORG, meter.id())).isPresent();
    }

    @Test
    void numeric_attributes_sent_as_strings_are_refused_like_reading_values() {
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("transformer_ratio", "40")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("transformer_ratio must be a number");
        assertThat(world.store.findByMeter(ServiceWorld.ORG, meter.id())).isEmpty();
    }

    @Test
    void a_register_capacity_is_a_whole_number() {
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("register_capacity", new BigDecimal("0.5"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> world.counters.create(world.admin, meter.id(), attrs("register_capacity", new BigDecimal("99999.5"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("whole number");
    }

    @Test
    void a_register_capacity_cannot_be_lowered_to_or_below_a_stored_value() {
        Counter c = world.consumptionCounter(meter);
        world.record(reading(meter, c, "2024-06-01T00:00:00Z", "500"), reading(meter, c, "2024-06-02T00:00:00Z", "800"));

        assertThatThrownBy(() -> world.counters.update(world.admin, c.id(), attrs("register_capacity", new BigDecimal("100"))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.EXCEEDS_REGISTER_CAPACITY))
                .hasMessageContaining("800");
        assertThatThrownBy(() -> world.counters.update(world.admin, c.id(), attrs("register_capacity", new BigDecimal("800"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(world.store.findById(ServiceWorld.ORG, c.id()).orElseThrow().registerCapacity()).isNull();
        assertThat(world.counters.update(world.admin, c.id(), attrs("register_capacity", new BigDecimal("1000"))).registerCapacity())
                .isEqualByComparingTo("1000");
    }
}
