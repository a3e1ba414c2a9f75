package io.metering.application.service;

import io.metering.application.service.imports.ImportReadingsService;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.fakes.InMemoryBulkStore;
import io.metering.application.model.ImportCommit;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The slip bound and the meter pace through the write services (docs/domain.md#plausibility-formula),
 * on the shape of the Liander export registers' first days: a new feed-in register on a meter whose
 * feed-out register has run for weeks at 6.5 kWh a day. Its genuine second day (0.747 to 15.929 kWh)
 * is valid because the meter's pace gives its scale; a ×10 slip on a register one day after it left
 * zero (107.6 for 10.76) is implausible, through the API and through the bulk import alike.
 */
class MeterPaceWritesTest {
    private static final LocalDate FIRST = LocalDate.parse("2023-10-01");
    private static final LocalDate STARTED = LocalDate.parse("2023-11-06");

    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-pv");
    private final Counter feedOut = world.consumptionCounter(meter);
    private final Counter feedIn = world.createCounter(meter,
            CounterChanges.builder().obisNumber(set("1-0:2.8.0")).direction(set(Direction.FEED_IN)).unit(set("kWh")));

    MeterPaceWritesTest() {
        world.recording = TestServices.recordReadingsService(world.ctx, new HistoryPlausibilityProvider(world.store,
                world.store));
    }

    private static String at(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    /** Daily readings up to and with {@code last}: feed-out at 6.5 a day from 1000, feed-in 0 until STARTED, then {@code feedInValues}. */
    private List<ServiceWorld.Input> history(Meter m, Counter out, Counter in, String... feedInValues) {
        List<ServiceWorld.Input> inputs = new ArrayList<>();
        LocalDate last = STARTED.plusDays(feedInValues.length);
        int n = 0;
        for (LocalDate d = FIRST; !d.isAfter(last); d = d.plusDays(1), n++) {
            if (out != null) {
                inputs.add(reading(m, out, at(d), new BigDecimal("1000").add(new BigDecimal("6.5").multiply(BigDecimal.valueOf(n))).toPlainString()));
            }
            int after = (int) (d.toEpochDay() - STARTED.toEpochDay());
            inputs.add(reading(m, in, at(d), after <= 0 ? "0" : feedInValues[after - 1]));
        }
        return inputs;
    }

    private boolean implausibleAt(Counter c, LocalDate day) {
        Instant t = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return world.stored(c).stream().filter(r -> r.timestamp().equals(t)).findFirst().orElseThrow().isImplausible();
    }

    @Test
    void aNewFeedInRegistersGenuineSecondDayIsValidOnAMeterWithARunningFeedOutRegister() {
        history(meter, feedOut, feedIn, "0.747", "15.929").forEach(world::record);

        assertThat(world.stored(feedIn)).noneMatch(Reading::isImplausible);
        assertThat(world.stored(feedOut)).noneMatch(Reading::isImplausible);
    }

    @Test
    void withoutOtherRegistersTheSameStepReadsAsASlipAndIsStoredImplausible() {
        Meter alone = world.powerMeterOf("contact-alone");
        Counter onlyFeedIn = world.createCounter(alone,
                CounterChanges.builder().obisNumber(set("1-0:2.8.0")).direction(set(Direction.FEED_IN)).unit(set("kWh")));
        history(alone, null, onlyFeedIn, "0.747", "15.929", "21.22").forEach(world::record);

        assertThat(implausibleAt(onlyFeedIn, STARTED.plusDays(2))).isTrue();
        // never a lock-out: the next genuine reading is taken
        assertThat(world.stored(onlyFeedIn)).hasSize((int) (STARTED.plusDays(3).toEpochDay() - FIRST.toEpochDay() + 1));
    }

    @Test
    void aSlipOfTenADayAfterTheRegisterLeftZeroIsImplausibleAndTheGenuineNextReadingValid() {
        history(meter, feedOut, feedIn, "9.588").forEach(world::record);
        world.record(reading(meter, feedIn, at(STARTED.plusDays(2)), "107.60"));
        world.record(reading(meter, feedIn, at(STARTED.plusDays(3)), "10.76"));

        assertThat(implausibleAt(feedIn, STARTED.plusDays(2))).isTrue();
        assertThat(implausibleAt(feedIn, STARTED.plusDays(3))).isFalse();
    }

    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {10, 20_000})
    void theBulkImportTakesTheMeterPaceFromTheRegistersItImports(int chunkSize) {
        List<ReadingInput> file = new ArrayList<>(history(meter, feedOut, feedIn, "0.747", "15.929", "21.22").stream()
                .map(ServiceWorld.Input::build).toList());
        Meter other = world.powerMeterOf("contact-slip");
        Counter otherOut = world.consumptionCounter(other);
        Counter otherIn = world.createCounter(other,
                CounterChanges.builder().obisNumber(set("1-0:2.8.0")).direction(set(Direction.FEED_IN)).unit(set("kWh")));
        file.addAll(history(other, otherOut, otherIn, "9.588", "107.60", "10.76").stream().map(ServiceWorld.Input::build).toList());
        ImportReadingsService importer = TestServices.importReadingsService(world.ctx, new InMemoryBulkStore(world.store),
                new HistoryPlausibilityProvider(world.store, world.store));

        ImportReport report = importer.importReadings(new ImportReadingsCommand(world.admin, file.iterator(), chunkSize, ImportCommit.FILE,
                true), ImportProgress.NONE);

        assertThat(world.stored(feedIn)).noneMatch(Reading::isImplausible);
        assertThat(implausibleAt(otherIn, STARTED.plusDays(2))).isTrue();
        assertThat(report.implausible()).isEqualTo(1);
    }

    @Test
    void aRequestHoldingBothRegistersTakesTheMeterPaceFromItsOwnReadings() {
        List<ServiceWorld.Input> all = history(meter, feedOut, feedIn, "0.747", "15.929");
        // both registers' 39 days in one request: the feed-out readings are not stored yet
        assertThat(all).hasSizeLessThanOrEqualTo(100);
        world.record(all.toArray(ServiceWorld.Input[]::new));

        assertThat(world.stored(feedIn)).noneMatch(Reading::isImplausible);
    }
}
