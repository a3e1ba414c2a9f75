package io.metering.bootstrap.demo;

import io.metering.application.service.TestServices;
import io.metering.application.service.write.WriteListener;
import io.metering.application.port.out.IntervalValueStore;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryStore;
import io.metering.application.fakes.MutableClock;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.consumption.ConsumptionReport;
import io.metering.application.port.in.consumption.ConsumptionRequest;
import io.metering.application.service.consumption.ConsumptionService;
import io.metering.application.service.meter.HistoryForecastProvider;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.TestContext;
import io.metering.bootstrap.importer.Ampds2Csv;
import io.metering.bootstrap.importer.Ampds2Row;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.consumption.Interval;
import io.metering.domain.consumption.PeriodConsumption;
import io.metering.domain.plausibility.PlausibilityRule;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.time.TimeInput;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled real data through the write path with the product's plausibility rule, and
 * consumption by period read back from it (issue 6):
 * <ul>
 *   <li>no genuine reading of either file is judged implausible when imported in order without a
 *       status (Liander: registers that start from zero, weekend-flat tariffs; AMPds2: gas flat all
 *       summer, a water meter whose pulse size changes in July 2012), with a wide margin;</li>
 *   <li>Liander daily consumption equals the operator's own {@code usage} differences;</li>
 *   <li>AMPds2 monthly consumption equals the difference of the register values at the month
 *       boundaries, computed here from the file, and the months add up exactly to the last minus the
 *       first reading.</li>
 * </ul>
 */
class DemoAnalyticsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Caller ADMIN = Caller.admin(DemoIds.ORG, "test");
    private static InMemoryStore store;
    private static ConsumptionService consumption;
    private static int imported;
    private static List<LianderRow> liander;
    private static List<Ampds2Row> ampds2;

    @BeforeAll
    static void importDemo() throws Exception {
        store = new InMemoryStore();
        TestContext ctx = new TestContext(store, store, store, store, store, store,
                new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), BERLIN);
        DemoData demo = new DemoData(TestServices.meterAdministration(ctx, WriteListener.NONE),
                TestServices.counterAdministration(ctx, WriteListener.NONE),
                TestServices.recordReadingsService(ctx, new HistoryPlausibilityProvider(store, store)),
                TestServices.meterViews(ctx, new HistoryForecastProvider(store, BERLIN)));
        imported = demo.loadIfAbsent();
        consumption = TestServices.consumption(ctx, IntervalValueStore.NONE);
        try (Reader in = resource("liander_daily_register_readings.csv")) {
            liander = LianderCsv.read(in);
        }
        try (Reader in = resource("ampds2_water_gas_counters_hourly.csv")) {
            ampds2 = Ampds2Csv.read(in);
        }
    }

    @Test
    void noGenuineReadingOfTheBundledFilesIsJudgedImplausible() {
        List<Reading> all = Stream.of(DemoIds.lianderPowerRegister(1), DemoIds.lianderPowerRegister(2), DemoIds.lianderPowerRegister(3),
                DemoIds.lianderPowerRegister(4), DemoIds.LIANDER_GAS_VOLUME, DemoIds.AMPDS2_WATER_VOLUME, DemoIds.AMPDS2_GAS_VOLUME)
                .flatMap(c -> readings(c).stream()).toList();

        assertThat(imported).isEqualTo(4 * 206 + 206 + 2 * 17521);
        assertThat(all).hasSize(imported);
        assertThat(all).filteredOn(Reading::isImplausible).isEmpty();
    }

    @Test
    void everyGenuineStepStaysFarBelowItsPlausibilityAllowance() {
        BigDecimal largest = BigDecimal.ZERO;
        for (CounterId c : List.of(DemoIds.lianderPowerRegister(1), DemoIds.lianderPowerRegister(2), DemoIds.lianderPowerRegister(3),
                DemoIds.lianderPowerRegister(4), DemoIds.LIANDER_GAS_VOLUME, DemoIds.AMPDS2_WATER_VOLUME, DemoIds.AMPDS2_GAS_VOLUME)) {
            List<SeriesPoint> points = readings(c).stream().map(Reading::point).toList();
            for (int i = 1; i < points.size(); i++) {
                SeriesPoint previous = points.get(i - 1);
                RateWindow window = RateWindow.endingAt(previous, points.subList(Math.max(0, i - RateWindow.MAX_POINTS), i - 1),
                        Optional.empty());
                Optional<BigDecimal> bound = PlausibilityRule.advanceBound(window, points.get(i).timestamp());
                if (bound.isPresent()) {
                    BigDecimal share = points.get(i).value().subtract(previous.value())
                            .divide(bound.get().subtract(previous.value()), 6, RoundingMode.HALF_EVEN);
                    largest = largest.max(share);
                }
            }
        }

        // the Liander export register's second day of export (0.747 -> 15.929 kWh) is the largest
        assertThat(largest).isLessThan(new BigDecimal("0.68"));
        assertThat(largest).isGreaterThan(new BigDecimal("0.67"));
    }

    @Test
    void lianderDailyConsumptionEqualsTheOperatorsUsage() {
        for (int register = 1; register <= 4; register++) {
            int column = register - 1;
            assertDailyUsage(DemoIds.LIANDER_POWER, DemoIds.lianderPowerRegister(register),
                    liander.stream().filter(r -> r.meterNumber().startsWith("E")).toList(), r -> r.usages().get(column));
        }
        assertDailyUsage(DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME,
                liander.stream().filter(r -> r.meterNumber().startsWith("G")).toList(), r -> r.usages().get(0));
    }

    /** The readings lie at 00:00 UTC of their day, so UTC days run from one reading to the next. */
    private static void assertDailyUsage(MeterId meter, CounterId counter, List<LianderRow> rows, Function<LianderRow, BigDecimal> usage) {
        LocalDate first = rows.get(0).date();
        LocalDate beforeLast = rows.get(rows.size() - 1).date().minusDays(1);
        ConsumptionReport r = ask(meter, counter, new TimeInput.DateOnly(first), new TimeInput.DateOnly(beforeLast), Interval.DAY,
                ZoneOffset.UTC);

        List<PeriodConsumption> days = r.table().periods();
        assertThat(days).hasSize(205);
        for (int i = 0; i < days.size(); i++) {
            PeriodConsumption day = days.get(i);
            LianderRow next = rows.get(i + 1);
            assertThat(day.period().end()).isEqualTo(next.date().atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(day.start().estimated() || day.end().estimated()).as("boundaries are readings").isFalse();
            assertThat(day.consumption()).as("%s on %s", counter, rows.get(i).date()).isEqualByComparingTo(usage.apply(next));
        }
    }

    @Test
    void ampds2MonthsEqualRegisterDifferencesAtMonthBoundariesOnReadings() {
        // Berlin midnights are full UTC hours, where the hourly file has readings
        assertMonths(BERLIN, false);
    }

    @Test
    void ampds2MonthsEqualRegisterDifferencesAtInterpolatedMonthBoundaries() {
        // Kolkata midnights are at half past a UTC hour, between two readings
        assertMonths(ZoneId.of("Asia/Kolkata"), true);
    }

    private static void assertMonths(ZoneId zone, boolean interpolated) {
        assertMonths(zone, interpolated, DemoIds.AMPDS2_WATER, DemoIds.AMPDS2_WATER_VOLUME, Ampds2Row::waterLitres, "548881.974");
        assertMonths(zone, interpolated, DemoIds.AMPDS2_GAS, DemoIds.AMPDS2_GAS_VOLUME, Ampds2Row::gasCubicDecimetres, "790752.615");
    }

    private static void assertMonths(ZoneId zone, boolean interpolated, MeterId meter, CounterId counter,
            Function<Ampds2Row, BigDecimal> column, String lastMinusFirst) {
        Instant first = ampds2.get(0).timestamp();
        Instant last = ampds2.get(ampds2.size() - 1).timestamp();
        assertThat(column.apply(ampds2.get(ampds2.size() - 1)).subtract(column.apply(ampds2.get(0)))).isEqualByComparingTo(lastMinusFirst);

        ConsumptionReport r = ask(meter, counter, new TimeInput.Exact(first), new TimeInput.Exact(last), Interval.MONTH, zone);

        List<PeriodConsumption> months = r.table().periods();
        assertThat(months).hasSize(25);
        for (PeriodConsumption month : months) {
            BigDecimal start = registerAt(month.period().start(), column);
            BigDecimal end = registerAt(month.period().end(), column);
            assertThat(month.start().register()).isEqualByComparingTo(start);
            assertThat(month.end().register()).isEqualByComparingTo(end);
            assertThat(month.consumption()).as("%s %s", counter, month.period()).isEqualByComparingTo(end.subtract(start));
        }
        List<PeriodConsumption> inner = months.subList(1, months.size());
        assertThat(inner).allSatisfy(m -> assertThat(m.start().estimated()).isEqualTo(interpolated));
        assertThat(r.table().periodsWithoutValue()).isZero();
        assertThat(r.table().totalConsumption()).isEqualByComparingTo(lastMinusFirst);
    }

    /**
     * The register at an instant, from the file alone: the row there, else linear between the two
     * rows around it (HALF_EVEN at six places, the service's documented rounding).
     */
    private static BigDecimal registerAt(Instant t, Function<Ampds2Row, BigDecimal> column) {
        int lo = 0;
        int hi = ampds2.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ampds2.get(mid).timestamp().isAfter(t)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        Ampds2Row before = ampds2.get(lo);
        if (before.timestamp().equals(t)) {
            return column.apply(before);
        }
        Ampds2Row after = ampds2.get(lo + 1);
        BigDecimal step = column.apply(after).subtract(column.apply(before));
        long elapsed = Duration.between(before.timestamp(), t).toMillis();
        long length = Duration.between(before.timestamp(), after.timestamp()).toMillis();
        return column.apply(before).add(step.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(length), 6,
                RoundingMode.HALF_EVEN));
    }

    private static ConsumptionReport ask(MeterId meter, CounterId counter, TimeInput start, TimeInput end, Interval interval, ZoneId zone) {
        return consumption.consumption(new ConsumptionRequest(ADMIN, meter, counter, Optional.empty(), start, end, interval, zone));
    }

    private static List<Reading> readings(CounterId counter) {
        return store.range(DemoIds.ORG, counter, Optional.empty(), Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"), SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
    }

    private static Reader resource(String name) {
        return new InputStreamReader(DemoData.class.getResourceAsStream("/demo/" + name), StandardCharsets.UTF_8);
    }
}
