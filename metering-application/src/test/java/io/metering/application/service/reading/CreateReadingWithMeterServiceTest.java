package io.metering.application.service.reading;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.in.reading.CreateReadingWithMeterCommand;
import io.metering.application.port.in.reading.ReadingWithMeterResult;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.reading.ReadingSource;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CreateReadingWithMeterServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final CreateReadingWithMeterService service = TestServices.createReadingWithMeterService(w.ctx,
            PlausibilityProvider.NONE);
    private final Meter meter = w.meter(b -> b.maLoId("DE0001"));

    private CreateReadingWithMeterCommand command(MeterId meterId, String maLoId, String obis, Direction direction,
            TariffType tariff, String value, Instant timestamp) {
        return new CreateReadingWithMeterCommand(w.admin, meterId, maLoId, obis, "kWh", direction, tariff,
                value == null ? null : dec(value), "Jane", null, timestamp, ReadingSource.ERP, null);
    }

    private static void assertRejected(ThrowingCallable call, RejectionReason reason) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(reason);
    }

    @Test
    void writesToTheCounterWithTheSameObisRegisterOfTheMeterFoundByMaLoId() {
        Counter c = w.counter(meter, b -> b.obisNumber("1-0:1.8.0*255"));

        ReadingWithMeterResult result = service.create(command(null, "DE0001", "1.8.0", null, null, "100",
                at("2024-01-01T00:00:00Z")));

        assertThat(result.counterCreated()).isFalse();
        assertThat(result.counter().id()).isEqualTo(c.id());
        assertThat(result.outcome().written().direction()).isEqualTo(Direction.FEED_OUT);
        assertThat(result.outcome().written().unit()).isEqualTo("kWh");
        assertThat(w.values(c)).containsExactly("100");
    }

    @Test
    void createsAMissingCounterFromTheObisCodeInTheSameTransaction() {
        ReadingWithMeterResult result = service.create(command(meter.id(), null, "1-0:2.8.1", null, null, "7",
                at("2024-01-01T00:00:00Z")));

        Counter created = result.counter();
        assertThat(result.counterCreated()).isTrue();
        assertThat(created.obisNumber()).isEqualTo("1-0:2.8.1");
        assertThat(created.direction()).isEqualTo(Direction.FEED_IN);
        assertThat(created.tariffType()).isEqualTo(TariffType.HT);
        assertThat(created.unit()).isEqualTo("kWh");
        assertThat(w.store.findByMeter(ServiceWorld.ORG, meter.id())).extracting(Counter::id).containsExactly(created.id());
        assertThat(w.values(created)).containsExactly("7");

        // a rejected reading leaves no counter behind
        assertRejected(() -> service.create(command(meter.id(), null, "1-0:1.8.0", null, null, "1", at("2024-07-01T00:00:00Z"))),
                RejectionReason.TIMESTAMP_FUTURE);
        assertThat(w.store.findByMeter(ServiceWorld.ORG, meter.id())).hasSize(1);
    }

    @Test
    void aCreatedCounterTakesTheGivenDirectionAndTariff() {
        Counter created = service.create(command(meter.id(), null, "A-34", Direction.FEED_IN, TariffType.NT, "5",
                at("2024-01-01T00:00:00Z"))).counter();

        assertThat(created.direction()).isEqualTo(Direction.FEED_IN);
        assertThat(created.tariffType()).isEqualTo(TariffType.NT);
    }

    @Test
    void aCounterIsNotCreatedForAnObisNumberThatIsNoObisCode() {
        assertRejected(() -> service.create(command(meter.id(), null, "zzzz", Direction.FEED_OUT, null, "5",
                at("2024-01-01T00:00:00Z"))), RejectionReason.INVALID_PARAMETER);
        assertThat(w.store.findByMeter(ServiceWorld.ORG, meter.id())).as("nothing stored").isEmpty();
    }

    @Test
    void anObisNumberThatIsNoObisCodeIsRefusedAsSuchEvenWithoutADirection() {
        assertRejected(() -> service.create(command(meter.id(), null, "zzz", null, null, "1",
                at("2024-01-01T00:00:00Z"))), RejectionReason.INVALID_PARAMETER);
        assertThat(w.store.findByMeter(ServiceWorld.ORG, meter.id())).as("nothing stored").isEmpty();
    }

    @Test
    void severalCountersWithTheObisNumberAreNarrowedByDirectionAndTariff() {
        Counter in = w.counter(meter, b -> b.obisNumber("A-34").direction(Direction.FEED_IN));
        Counter outHt = w.counter(meter, b -> b.obisNumber("A-34").direction(Direction.FEED_OUT).tariffType(TariffType.HT));
        w.counter(meter, b -> b.obisNumber("A-34").direction(Direction.FEED_OUT).tariffType(TariffType.NT));

        assertThat(service.create(command(meter.id(), null, "A-34", Direction.FEED_IN, null, "1", at("2024-01-01T00:00:00Z")))
                .counter().id()).isEqualTo(in.id());
        assertThat(service.create(command(meter.id(), null, "A-34", Direction.FEED_OUT, TariffType.HT, "1",
                at("2024-01-01T00:00:00Z"))).counter().id()).isEqualTo(outHt.id());
        assertRejected(() -> service.create(command(meter.id(), null, "A-34", Direction.FEED_OUT, null, "1",
                at("2024-01-02T00:00:00Z"))), RejectionReason.NO_COUNTER);
    }

    @Test
    void findsTheActiveMeterOfAMaLoIdWithAMeterChange() {
        w.meter(b -> b.maLoId("DE0002").status(MeterStatus.DECOMMISSIONED));
        Meter current = w.meter(b -> b.maLoId("DE0002"));

        ReadingWithMeterResult result = service.create(command(null, "DE0002", "1-0:1.8.0", null, null, "1",
                at("2024-01-01T00:00:00Z")));

        assertThat(result.counter().meterId()).isEqualTo(current.id());
        w.meter(b -> b.maLoId("DE0002"));
        assertRejected(() -> service.create(command(null, "DE0002", "1-0:1.8.0", null, null, "1", at("2024-01-01T00:00:00Z"))),
                RejectionReason.INVALID_PARAMETER);
    }

    @Test
    void missingParametersAndUnknownMeters() {
        assertRejected(() -> command(null, null, "1.8.0", null, null, "1", null), RejectionReason.MISSING_PARAMS);
        assertRejected(() -> command(meter.id(), null, " ", null, null, "1", null), RejectionReason.MISSING_PARAMS);
        assertRejected(() -> command(meter.id(), null, "1.8.0", null, null, null, null), RejectionReason.MISSING_PARAMS);
        assertThatThrownBy(() -> service.create(command(null, "NOPE", "1.8.0", null, null, "1", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.create(command(MeterId.random(), null, "1.8.0", null, null, "1", null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theNormalWriteRulesApply() {
        Counter c = w.counter(meter, b -> b.obisNumber("1-0:1.8.0"));
        w.stored(c, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(c, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "300");

        assertRejected(() -> service.create(command(meter.id(), null, "1-0:1.8.0", null, null, "99", at("2024-02-01T00:00:00Z"))),
                RejectionReason.LESS_THAN_PREVIOUS);
        assertRejected(() -> service.create(command(meter.id(), null, "1-0:1.8.0", null, null, "301", at("2024-02-01T00:00:00Z"))),
                RejectionReason.GREATER_THAN_SUBSEQUENT);

        Meter bounded = w.meter(b -> b.contractPeriods(List.of(new ContractPeriod(at("2024-05-01T00:00:00Z"), null))));
        assertRejected(() -> service.create(command(bounded.id(), null, "1-0:1.8.0", null, null, "1", at("2024-04-01T00:00:00Z"))),
                RejectionReason.CONTRACT_PERIOD);
    }

    @Test
    void aTimestampDefaultsToNow() {
        ReadingWithMeterResult result = service.create(command(meter.id(), null, "1-0:1.8.0", null, null, "1", null));

        assertThat(result.outcome().written().timestamp()).isEqualTo(ServiceWorld.NOW);
    }

    @Test
    void onAGovernedMeterANonErpWriteBecomesAChangeset() {
        Meter governed = w.governedMeter();
        CreateReadingWithMeterCommand proposal = new CreateReadingWithMeterCommand(w.admin, governed.id(), null, "1-0:1.8.0",
                null, null, null, dec("10"), null, null, at("2024-01-01T00:00:00Z"), ReadingSource.APP_360, null);

        ReadingWithMeterResult result = service.create(proposal);

        assertThat(result.outcome().isPending()).isTrue();
        assertThat(w.readings(result.counter())).isEmpty();
    }

    @Test
    void portalUsersMayNotUseIt() {
        assertThatThrownBy(() -> service.create(new CreateReadingWithMeterCommand(w.portal, meter.id(), null, "1.8.0", null, null,
                null, dec("1"), null, null, null, ReadingSource.ECP, null))).isInstanceOf(ForbiddenException.class);
    }
}
