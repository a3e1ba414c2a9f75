package io.metering.application.service.reading;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.reading.ReadingOutcome;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class UpdateReadingServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final UpdateReadingService service = TestServices.updateReadingService(w.ctx, PlausibilityProvider.NONE);
    private final Meter meter = w.meter();
    private final Counter counter = w.feedOutCounter(meter);

    private ReadingOutcome update(String instant, String value, Instant newTimestamp) {
        return update(instant, value, newTimestamp, ReadingSource.APP_360, WriteOptions.DEFAULT);
    }

    private ReadingOutcome update(String instant, String value, Instant newTimestamp, ReadingSource source, WriteOptions options) {
        return service.update(new UpdateReadingCommand(w.admin, new ReadingAddress(meter.id(), counter.id(), at(instant), null),
                ReadingChanges.setting(dec(value), source, newTimestamp, null, null, null, null, null, null), options));
    }

    private static void assertRejected(ThrowingCallable call, RejectionReason reason) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(reason);
    }

    @Test
    void changesTheValueAndKeepsFieldsTheBodyLeavesOut() {
        w.stored(new Reading(meter.id(), counter.id(), Direction.FEED_OUT, at("2024-01-01T00:00:00Z"), dec("100"),
                ReadingSource.ERP, ReadingReason.REGULAR, "Jane", null, "erp-1", "old remark", "a note", "kWh", Map.of("k", "v")));

        Reading r = update("2024-01-01T00:00:00Z", "110.50", null).written();

        assertThat(r.value()).isEqualByComparingTo("110.5");
        assertThat(r.source()).isEqualTo(ReadingSource.APP_360);
        assertThat(r.externalId()).isEqualTo("erp-1");
        assertThat(r.metadata()).containsEntry("k", "v");
        assertThat(r.note()).isEqualTo("a note");
        assertThat(r.remark()).isEqualTo("old remark");
        assertThat(w.values(counter)).containsExactly("110.5");
    }

    @Test
    void aMissingReadingIsNotFoundInsteadOfASilentNoOp() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");

        assertThatThrownBy(() -> update("2024-01-02T00:00:00Z", "110", null)).isInstanceOf(NotFoundException.class);
        assertThat(w.values(counter)).containsExactly("100");
    }

    @Test
    void aCounterOfAnotherMeterOrAMeterOfAnotherOrganizationIsNotFound() {
        Meter other = w.meter();
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");

        assertThatThrownBy(() -> service.update(new UpdateReadingCommand(w.admin,
                new ReadingAddress(other.id(), counter.id(), at("2024-01-01T00:00:00Z"), null),
                ReadingChanges.setting(dec("1"), ReadingSource.APP_360, null, null, null, null, null, null, null), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.update(new UpdateReadingCommand(
                Caller.admin(ServiceWorld.OTHER_ORG, "x"),
                new ReadingAddress(meter.id(), counter.id(), at("2024-01-01T00:00:00Z"), null),
                ReadingChanges.setting(dec("1"), ReadingSource.APP_360, null, null, null, null, null, null, null), null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void isValidatedAgainstNeighbours() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150");
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "200");

        assertRejected(() -> update("2024-02-01T00:00:00Z", "99", null), RejectionReason.LESS_THAN_PREVIOUS);
        assertRejected(() -> update("2024-02-01T00:00:00Z", "201", null), RejectionReason.GREATER_THAN_SUBSEQUENT);
        assertRejected(() -> update("2024-02-01T00:00:00Z", "150", at("2024-07-01T00:00:00Z")), RejectionReason.TIMESTAMP_FUTURE);
        assertThat(w.values(counter)).containsExactly("100", "150", "200");
    }

    @Test
    void skipValidationStoresAnOutOfOrderValue() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150");

        update("2024-02-01T00:00:00Z", "50", null, ReadingSource.APP_360, new WriteOptions(true, false));

        assertThat(w.values(counter)).containsExactly("100", "50");
    }

    @Test
    void aMoveIsJudgedAgainstTheNewNeighboursWithoutItselfAtTheOldInstant() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150");

        // at its old key the reading (150) would be the next neighbour of 160 and reject it
        Reading moved = update("2024-02-01T00:00:00Z", "160", at("2024-01-15T00:00:00Z")).written();

        assertThat(moved.timestamp()).isEqualTo(at("2024-01-15T00:00:00Z"));
        assertThat(w.readings(counter)).extracting(Reading::timestamp)
                .containsExactly(at("2024-01-01T00:00:00Z"), at("2024-01-15T00:00:00Z"));
    }

    @Test
    void movingOntoAnotherReadingIsADuplicate() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150");

        assertRejected(() -> update("2024-02-01T00:00:00Z", "100", at("2024-01-01T00:00:00Z")), RejectionReason.DUPLICATE_READING);
        assertThat(w.values(counter)).containsExactly("100", "150");
    }

    @Test
    void movingASegmentStartAwayMustNotLeaveTheSeriesOutOfOrder() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "500");
        Reading change = ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "10");
        w.stored(new Reading(change.meterId(), change.counterId(), change.direction(), change.timestamp(), change.value(),
                change.source(), ReadingReason.METER_CHANGE, null, null, null, null, null, null, null));
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "20");

        assertThatThrownBy(() -> update("2024-02-01T00:00:00Z", "10", at("2024-04-01T00:00:00Z")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("2024-03-01T00:00:00Z")
                .extracting("reason").isEqualTo(RejectionReason.LESS_THAN_PREVIOUS);
        assertThat(w.values(counter)).containsExactly("500", "10", "20");
    }

    @Test
    void withoutDirectionACounterWithoutImpliedDirectionNeedsAUniqueReading() {
        Counter both = w.counter(meter, b -> b.obisNumber("A-34"));
        w.stored(both, Direction.FEED_IN, "2024-01-01T00:00:00Z", "10");

        Reading r = service.update(new UpdateReadingCommand(w.admin,
                new ReadingAddress(meter.id(), both.id(), at("2024-01-01T00:00:00Z"), null),
                ReadingChanges.setting(dec("11"), ReadingSource.APP_360, null, null, null, null, null, null, null), null)).written();
        assertThat(r.direction()).isEqualTo(Direction.FEED_IN);

        w.stored(both, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "20");
        assertRejected(() -> service.update(new UpdateReadingCommand(w.admin,
                new ReadingAddress(meter.id(), both.id(), at("2024-01-01T00:00:00Z"), null),
                ReadingChanges.setting(dec("12"), ReadingSource.APP_360, null, null, null, null, null, null, null), null)),
                RejectionReason.NO_DIRECTION);

        Reading out = service.update(new UpdateReadingCommand(w.admin,
                new ReadingAddress(meter.id(), both.id(), at("2024-01-01T00:00:00Z"), Direction.FEED_OUT),
                ReadingChanges.setting(dec("21"), ReadingSource.APP_360, null, null, null, null, null, null, null), null)).written();
        assertThat(out.direction()).isEqualTo(Direction.FEED_OUT);
        assertThat(w.values(both)).containsExactlyInAnyOrder("11", "21");
    }

    @Test
    void aNewValueClearsAnImplausibleMarkSoItIsJudgedAfresh() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "150000").withStatus(ReadingStatus.IMPLAUSIBLE));

        Reading r = update("2024-02-01T00:00:00Z", "150", null).written();

        assertThat(r.status()).isNull();
    }

    @Test
    void aDecommissionedMeterRefusesTheWrite() {
        Meter old = w.meter(b -> b.status(MeterStatus.DECOMMISSIONED));
        Counter c = w.feedOutCounter(old);
        w.stored(c, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");

        assertRejected(() -> service.update(new UpdateReadingCommand(w.admin,
                new ReadingAddress(old.id(), c.id(), at("2024-01-01T00:00:00Z"), null),
                ReadingChanges.setting(dec("101"), ReadingSource.APP_360, null, null, null, null, null, null, null), null)),
                RejectionReason.METER_DECOMMISSIONED);
    }

    @Test
    void portalUsersMayNotUpdate() {
        assertThatThrownBy(() -> service.update(new UpdateReadingCommand(w.portal,
                new ReadingAddress(meter.id(), counter.id(), at("2024-01-01T00:00:00Z"), null),
                ReadingChanges.setting(dec("1"), ReadingSource.ECP, null, null, null, null, null, null, null), null)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theCommandRequiresValueSourceAndTimestamp() {
        assertRejected(() -> ReadingChanges.setting(null, ReadingSource.APP_360, null, null, null, null, null, null, null),
                RejectionReason.MISSING_PARAMS);
        assertRejected(() -> ReadingChanges.setting(dec("1"), null, null, null, null, null, null, null, null),
                RejectionReason.MISSING_PARAMS);
        assertRejected(() -> new ReadingAddress(meter.id(), counter.id(), null, null), RejectionReason.MISSING_PARAMS);
    }

    @Test
    void onAGovernedMeterANonDirectUpdateBecomesAChangeset() {
        Meter governed = w.governedMeter();
        Counter c = w.feedOutCounter(governed);
        w.stored(c, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        ReadingAddress address = new ReadingAddress(governed.id(), c.id(), at("2024-01-01T00:00:00Z"), null);

        ReadingOutcome outcome = service.update(new UpdateReadingCommand(w.admin, address,
                ReadingChanges.setting(dec("105"), ReadingSource.APP_360, null, null, null, null, null, null, null), null));

        assertThat(outcome.isPending()).isTrue();
        assertThat(outcome.pending().proposed().value()).isEqualByComparingTo("105");
        assertThat(outcome.pending().previous().value()).isEqualByComparingTo("100");
        assertThat(w.values(c)).containsExactly("100");

        assertRejected(() -> service.update(new UpdateReadingCommand(w.admin, address,
                ReadingChanges.setting(dec("105"), ReadingSource.APP_360, at("2024-01-02T00:00:00Z"), null, null, null, null, null,
                        null), null)), RejectionReason.INVALID_PARAMETER);

        ReadingOutcome confirmed = service.update(new UpdateReadingCommand(w.admin, address,
                ReadingChanges.setting(dec("105"), ReadingSource.ERP, null, null, null, null, null, null, null), null));
        assertThat(confirmed.written().value()).isEqualByComparingTo("105");
        assertThat(w.changesets(c)).isEmpty();
    }
}
