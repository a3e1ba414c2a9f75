package io.metering.application.service;

import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.relation;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import org.junit.jupiter.api.Test;

/** What a portal user may write: own meters only, and none of the admin options. */
class PortalReadingWritesTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter annasMeter = world.createMeter(MeterChanges.builder().sector(set(Sector.POWER))
            .customers(relation("contact", "contact-anna")).contracts(relation("contract", "contract-42")));
    private final Counter annasCounter = world.consumptionCounter(annasMeter);
    private final Meter bensMeter = world.powerMeterOf("contact-ben");
    private final Counter bensCounter = world.consumptionCounter(bensMeter);
    private final Caller anna = portal("contact-anna");

    @Test
    void aPortalUserWritesToAMeterOfTheirContact() {
        world.record(anna, WriteOptions.DEFAULT, reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10").source(ReadingSource.ECP));
        assertThat(world.stored(annasCounter)).extracting(r -> r.source()).containsExactly(ReadingSource.ECP);
    }

    @Test
    void aPortalUserWritesToAMeterOfOneOfTheirContracts() {
        Caller contractHolder = portal("contact-carl", "contract-42");
        world.record(contractHolder, WriteOptions.DEFAULT, reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10"));
        assertThat(world.stored(annasCounter)).hasSize(1);
    }

    @Test
    void anotherCustomersMeterReadsAsNotFoundAndNothingIsStored() {
        assertThatThrownBy(() -> world.record(anna, WriteOptions.DEFAULT,
                reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10"),
                reading(bensMeter, bensCounter, "2024-06-01T00:00:00Z", "10")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("readings[1]");
        assertThat(world.stored(annasCounter)).isEmpty();
        assertThat(world.stored(bensCounter)).isEmpty();
    }

    @Test
    void aPortalUserMayNotSkipValidation() {
        assertThatThrownBy(() -> world.record(anna, new WriteOptions(true, false),
                reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10"))).isInstanceOf(ForbiddenException.class);
        assertThat(world.stored(annasCounter)).isEmpty();
    }

    @Test
    void aPortalUserMayNotWriteDirectly() {
        assertThatThrownBy(() -> world.record(anna, new WriteOptions(false, true),
                reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10"))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aPortalUserMayNotSendSourceErp() {
        assertThatThrownBy(() -> world.record(anna, WriteOptions.DEFAULT,
                reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10"),
                reading(annasMeter, annasCounter, "2024-06-02T00:00:00Z", "11").source(ReadingSource.ERP)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("readings[1]");
        assertThat(world.stored(annasCounter)).isEmpty();
    }

    @Test
    void aPortalUserMayNotSetAStatus() {
        assertThatThrownBy(() -> world.record(anna, WriteOptions.DEFAULT,
                reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10").status(ReadingStatus.VALID)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anAdminMayUseEveryOption() {
        world.record(world.admin, new WriteOptions(true, true),
                reading(annasMeter, annasCounter, "2024-06-01T00:00:00Z", "10").source(ReadingSource.ERP).status(ReadingStatus.VALID));
        assertThat(world.stored(annasCounter)).extracting(r -> r.status()).containsExactly(ReadingStatus.VALID);
    }
}
