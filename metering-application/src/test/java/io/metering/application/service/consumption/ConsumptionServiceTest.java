package io.metering.application.service.consumption;

import io.metering.application.service.TestServices;
import io.metering.application.port.out.IntervalValueStore;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.consumption.ConsumptionReport;
import io.metering.application.port.in.consumption.ConsumptionRequest;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.consumption.Interval;
import io.metering.domain.consumption.PeriodConsumption;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Consumption by period through the use case: dates, zones, reach, direction, implausible readings. */
class ConsumptionServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final ConsumptionService service = TestServices.consumption(w.ctx, IntervalValueStore.NONE);
    private final Meter gasMeter = w.createMeter(MeterChanges.builder().sector(set(Sector.GAS)).customers(ServiceWorld.relation("contact", "c-1")));
    private final Counter gas = w.createCounter(gasMeter, CounterChanges.builder().obisNumber(set("7-0:3.0.0")).unit(set("m3"))
            .conversionFactor(set(new BigDecimal("10.5"))));

    ConsumptionServiceTest() {
        // midnight in Berlin on January 1st, February 1st and March 1st 2024
        w.record(reading(gasMeter, gas, "2023-12-31T23:00:00Z", "1000.000"), reading(gasMeter, gas, "2024-01-31T23:00:00Z", "1150.500"),
                reading(gasMeter, gas, "2024-02-29T23:00:00Z", "1290.250"));
    }

    private ConsumptionReport ask(Caller caller, TimeInput start, TimeInput end, Interval interval, ZoneId zone) {
        return service.consumption(new ConsumptionRequest(caller, gasMeter.id(), gas.id(), Optional.empty(), start, end, interval, zone));
    }

    private static TimeInput day(String date) {
        return new TimeInput.DateOnly(LocalDate.parse(date));
    }

    @Test
    void monthsOfAGasCounterInCubicMetresAndKilowattHours() {
        ConsumptionReport r = ask(w.admin, day("2024-01-01"), day("2024-02-29"), Interval.MONTH, null);

        assertThat(r.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(r.direction()).isEqualTo(Direction.FEED_OUT);
        assertThat(r.span().start()).isEqualTo(Instant.parse("2023-12-31T23:00:00Z"));
        assertThat(r.span().end()).as("end_date includes its whole day").isEqualTo(Instant.parse("2024-02-29T23:00:00Z"));
        List<PeriodConsumption> months = r.table().periods();
        assertThat(months.get(0).consumption()).isEqualByComparingTo("150.5");
        assertThat(months.get(1).consumption()).isEqualByComparingTo("139.75");
        assertThat(months.get(0).energy()).isEqualByComparingTo("1580.25");
        assertThat(months.get(1).energy()).isEqualByComparingTo("1467.375");
        assertThat(r.table().totalConsumption()).isEqualByComparingTo("290.25");
        assertThat(r.table().totalEnergy()).isEqualByComparingTo("3047.625");
    }

    @Test
    void anotherZoneMovesTheCalendarAndTheBoundariesBecomeInterpolated() {
        ConsumptionReport r = ask(w.admin, day("2024-02-01"), day("2024-02-01"), Interval.DAY, ZoneId.of("UTC"));

        PeriodConsumption feb1 = r.table().periods().get(0);
        assertThat(feb1.period().start()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(feb1.start().estimated()).isTrue();
        // February: 139.75 over 29 days; 1 hour of it before, 24 hours inside
        assertThat(feb1.start().register()).isEqualTo("1150.700790");
        assertThat(feb1.end().register()).isEqualTo("1155.519756");
        assertThat(feb1.consumption()).isEqualByComparingTo("4.818966");
    }

    @Test
    void aBillingPeriodBetweenExactInstants() {
        ConsumptionReport r = ask(w.admin, new TimeInput.Exact(Instant.parse("2024-01-31T23:00:00Z")),
                new TimeInput.Exact(Instant.parse("2024-02-29T23:00:00Z")), Interval.PERIOD, null);

        assertThat(r.table().periods()).hasSize(1);
        assertThat(r.table().periods().get(0).start().estimated()).isFalse();
        assertThat(r.table().totalConsumption()).isEqualByComparingTo("139.75");
    }

    @Test
    void implausibleReadingsTakeNoPart() {
        w.store.upsert(ServiceWorld.ORG, List.of(new Reading(gasMeter.id(), gas.id(), Direction.FEED_OUT,
                Instant.parse("2024-01-15T00:00:00Z"), new BigDecimal("999999"), io.metering.domain.reading.ReadingSource.ERP, null, null,
                ReadingStatus.IMPLAUSIBLE, null, null, null, null, Map.of())));

        ConsumptionReport r = ask(w.admin, day("2024-01-01"), day("2024-01-31"), Interval.MONTH, null);

        assertThat(r.table().totalConsumption()).isEqualByComparingTo("150.5");
    }

    @Test
    void aPortalUserReachesOnlyOwnMeters() {
        assertThat(ask(ServiceWorld.portal("c-1"), day("2024-01-01"), day("2024-01-31"), Interval.MONTH, null)
                .table().totalConsumption()).isEqualByComparingTo("150.5");
        assertThatThrownBy(() -> ask(ServiceWorld.portal("c-2"), day("2024-01-01"), day("2024-01-31"), Interval.MONTH, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ask(w.otherOrgAdmin, day("2024-01-01"), day("2024-01-31"), Interval.MONTH, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCounterOfAnotherMeterIsNotFound() {
        Meter other = w.powerMeterOf("c-1");

        assertThatThrownBy(() -> service.consumption(new ConsumptionRequest(w.admin, other.id(), gas.id(), Optional.empty(),
                day("2024-01-01"), day("2024-01-31"), Interval.DAY, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void emptyReversedOrTooFinelySplitSpansAreRefused() {
        TimeInput t = new TimeInput.Exact(Instant.parse("2024-01-01T00:00:00Z"));

        assertRejected(() -> ask(w.admin, t, t, Interval.DAY, null), RejectionReason.INVALID_PARAMETER);
        assertRejected(() -> ask(w.admin, day("2024-02-01"), day("2024-01-01"), Interval.DAY, null), RejectionReason.INVALID_PARAMETER);
        assertRejected(() -> ask(w.admin, day("2020-01-01"), day("2022-12-31"), Interval.DAY, null), RejectionReason.INVALID_PARAMETER);
        assertThat(ask(w.admin, day("2020-01-01"), day("2022-09-26"), Interval.DAY, null).table().periods()).hasSize(1000);
        assertRejected(() -> ask(w.admin, null, day("2024-01-01"), Interval.DAY, null), RejectionReason.MISSING_PARAMS);
    }

    @Test
    void theSeriesIsTheNamedDirectionElseTheCounters() {
        Meter power = w.powerMeterOf("c-1");
        Counter bare = w.createCounter(power, CounterChanges.builder().unit(set("kWh")));
        w.record(reading(power, bare, "2024-01-01T00:00:00Z", "5").direction(Direction.FEED_IN),
                reading(power, bare, "2024-01-02T00:00:00Z", "7").direction(Direction.FEED_IN));

        ConsumptionReport implied = service.consumption(new ConsumptionRequest(w.admin, power.id(), bare.id(), Optional.empty(),
                day("2024-01-01"), day("2024-01-01"), Interval.PERIOD, ZoneId.of("UTC")));
        ConsumptionReport named = service.consumption(new ConsumptionRequest(w.admin, power.id(), bare.id(),
                Optional.of(Direction.FEED_OUT), day("2024-01-01"), day("2024-01-01"), Interval.PERIOD, ZoneId.of("UTC")));

        assertThat(implied.direction()).as("the latest reading's").isEqualTo(Direction.FEED_IN);
        assertThat(implied.table().totalConsumption()).isEqualByComparingTo("2");
        assertThat(named.direction()).isEqualTo(Direction.FEED_OUT);
        assertThat(named.table().totalConsumption()).isNull();
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RejectionReason reason) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(reason);
    }
}
