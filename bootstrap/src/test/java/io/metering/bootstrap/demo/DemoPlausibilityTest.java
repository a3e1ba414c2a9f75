package io.metering.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.importer.Ampds2Csv;
import io.metering.bootstrap.importer.Ampds2Row;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.plausibility.PlausibilityRule;
import io.metering.domain.plausibility.RegisterHistory;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plausibility rule (docs/domain.md#plausibility-formula) on the bundled real data, every
 * reading judged against the genuine readings before it as a write judges an appended reading,
 * with the meter pace of the same meter's other registers (the four Liander power registers share
 * one meter; the gas and AMPds2 meters have one register each): no genuine reading of the Liander
 * and AMPds2 files is implausible, and every unit slip (the genuine value times 10, 100 or 1000)
 * inserted in its place is, at every position but where there is no scale (a previous reading of
 * zero, or a genuine value of zero, whose slip is zero).
 */
class DemoPlausibilityTest {
    private static final Map<String, List<SeriesPoint>> SERIES = new LinkedHashMap<>();
    /** The series of each series' meter, itself included. */
    private static final Map<String, List<String>> METER = new LinkedHashMap<>();

    @BeforeAll
    static void readFiles() throws Exception {
        try (Reader in = resource("liander_daily_register_readings.csv")) {
            List<LianderRow> rows = LianderCsv.read(in);
            List<String> power = new ArrayList<>();
            for (int register = 0; register < 4; register++) {
                int column = register;
                String name = "Liander power register " + (register + 1);
                add(name, rows.stream().filter(r -> r.meterNumber().startsWith("E")).toList(),
                        r -> r.date().atStartOfDay(ZoneOffset.UTC).toInstant(), r -> r.readings().get(column));
                power.add(name);
            }
            power.forEach(name -> METER.put(name, power));
            add("Liander gas", rows.stream().filter(r -> r.meterNumber().startsWith("G")).toList(),
                    r -> r.date().atStartOfDay(ZoneOffset.UTC).toInstant(), r -> r.readings().get(0));
        }
        try (Reader in = resource("ampds2_water_gas_counters_hourly.csv")) {
            List<Ampds2Row> rows = Ampds2Csv.read(in);
            add("AMPds2 water", rows, Ampds2Row::timestamp, Ampds2Row::waterLitres);
            add("AMPds2 gas", rows, Ampds2Row::timestamp, Ampds2Row::gasCubicDecimetres);
        }
    }

    private static <R> void add(String name, List<R> rows, Function<R, Instant> time, Function<R, BigDecimal> value) {
        SERIES.put(name, rows.stream().map(r -> new SeriesPoint(time.apply(r), value.apply(r), false, false)).toList());
        METER.putIfAbsent(name, List.of(name));
    }

    private static Reader resource(String name) {
        return new InputStreamReader(DemoData.class.getResourceAsStream("/demo/" + name), StandardCharsets.UTF_8);
    }

    /** Whether a value at the instant of {@code points[i]} of series {@code name} is implausible after the genuine readings before it. */
    private static boolean implausible(String name, int i, BigDecimal value) {
        List<SeriesPoint> points = SERIES.get(name);
        SeriesPoint previous = points.get(i - 1);
        Instant t = points.get(i).timestamp();
        RateWindow window = RateWindow.endingAt(previous, points.subList(Math.max(0, i - RateWindow.MAX_POINTS), i - 1), Optional.empty());
        Optional<BigDecimal> bound = PlausibilityRule.upperBound(window, t, () -> PlausibilityRule.meterPace(otherRegisters(name, t)));
        if (bound.isPresent()) {
            return value.compareTo(bound.get()) > 0;
        }
        return PlausibilityRule.freshLimit(previous).map(limit -> value.compareTo(limit) >= 0).orElse(false);
    }

    /** The other registers of the series' meter, each up to {@code t}. */
    private static List<RegisterHistory> otherRegisters(String name, Instant t) {
        List<RegisterHistory> out = new ArrayList<>();
        for (String other : METER.get(name)) {
            if (!other.equals(name)) {
                List<SeriesPoint> upTo = new ArrayList<>(SERIES.get(other).stream().filter(p -> !p.timestamp().isAfter(t)).toList());
                Collections.reverse(upTo);
                out.add(new RegisterHistory(new SeriesKey(new CounterId(UUID.nameUUIDFromBytes(other.getBytes(StandardCharsets.UTF_8))), Direction.FEED_OUT),
                        upTo.subList(0, Math.min(RateWindow.MAX_POINTS, upTo.size())), Optional.empty()));
            }
        }
        return out;
    }

    @Test
    void noGenuineReadingIsImplausible() {
        List<String> flagged = new ArrayList<>();
        SERIES.forEach((name, points) -> {
            for (int i = 1; i < points.size(); i++) {
                if (implausible(name, i, points.get(i).value())) {
                    flagged.add(name + " " + points.get(i));
                }
            }
        });
        assertThat(flagged).isEmpty();
    }

    @Test
    void everySlipOfTenAHundredOrAThousandIsImplausible() {
        int judged = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, List<SeriesPoint>> e : SERIES.entrySet()) {
            List<SeriesPoint> points = e.getValue();
            for (int i = 1; i < points.size(); i++) {
                BigDecimal genuine = points.get(i).value();
                if (genuine.signum() == 0 || points.get(i - 1).value().signum() == 0) {
                    continue; // a slip of zero is zero; after zero there is no scale
                }
                judged++;
                for (int factor : new int[] {10, 100, 1000}) {
                    if (!implausible(e.getKey(), i, genuine.multiply(BigDecimal.valueOf(factor)))) {
                        missed.add("x" + factor + " " + e.getKey() + " " + points.get(i));
                    }
                }
            }
        }
        assertThat(judged).isEqualTo(35_750);
        assertThat(missed).isEmpty();
    }

    /**
     * The four ×10 slips the advance bound alone lets through, on the Liander export registers'
     * first days after they left zero (November 2023), where a genuine step of ×21 (0.747 to
     * 15.929 kWh on register 4) has the same shape in its own series as a ×10 slip: the meter pace
     * tells them apart.
     */
    @Test
    void theSlipBoundAndTheMeterPaceDecideTheExportRegistersFirstDays() {
        String register3 = "Liander power register 3";
        String register4 = "Liander power register 4";
        int slipOn13th = index(register3, "2023-11-13T00:00:00Z");
        int genuineOn8th = index(register4, "2023-11-08T00:00:00Z");
        SeriesPoint before = SERIES.get(register3).get(slipOn13th - 1);
        RateWindow window = RateWindow.endingAt(before, SERIES.get(register3).subList(0, slipOn13th - 1), Optional.empty());

        assertThat(PlausibilityRule.advanceBound(window, SERIES.get(register3).get(slipOn13th).timestamp()).orElseThrow())
                .as("the advance bound alone lets the x10 slip 107.6 through").isGreaterThan(new BigDecimal("107.6"));
        assertThat(implausible(register3, slipOn13th, new BigDecimal("107.60"))).isTrue();
        assertThat(implausible(register4, genuineOn8th, new BigDecimal("15.929"))).isFalse();
        SeriesPoint first = SERIES.get(register4).get(genuineOn8th - 1);
        RateWindow own = RateWindow.endingAt(first, SERIES.get(register4).subList(0, genuineOn8th - 1), Optional.empty());
        assertThat(PlausibilityRule.upperBound(own, SERIES.get(register4).get(genuineOn8th).timestamp()).orElseThrow())
                .as("without the meter pace the genuine step would read as a slip").isLessThan(new BigDecimal("15.929"));
    }

    private static int index(String name, String instant) {
        List<SeriesPoint> points = SERIES.get(name);
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).timestamp().equals(Instant.parse(instant))) {
                return i;
            }
        }
        throw new AssertionError(name + " has no reading at " + instant);
    }
}
