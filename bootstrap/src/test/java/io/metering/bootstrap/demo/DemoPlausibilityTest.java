package io.metering.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.importer.Ampds2Csv;
import io.metering.bootstrap.importer.Ampds2Row;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.consumption.PlausibilityRule;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.reading.SeriesPoint;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plausibility rule (docs/domain.md#plausibility-formula) on the bundled real data, every
 * reading judged against the genuine readings before it as a write judges an appended reading:
 * no genuine reading of the Liander and AMPds2 files is implausible, and a unit slip (the genuine
 * value times 10, 100 or 1000) inserted in its place is, except where the rule documents it cannot
 * tell: after a previous reading of zero (no scale), and for ×10 on the first three days after a
 * register left zero.
 */
class DemoPlausibilityTest {
    private static final Map<String, List<SeriesPoint>> SERIES = new LinkedHashMap<>();

    @BeforeAll
    static void readFiles() throws Exception {
        try (Reader in = resource("liander_daily_register_readings.csv")) {
            List<LianderRow> rows = LianderCsv.read(in);
            for (int register = 0; register < 4; register++) {
                int column = register;
                add("Liander power register " + (register + 1), rows.stream().filter(r -> r.meterNumber().startsWith("E")).toList(),
                        r -> r.date().atStartOfDay(ZoneOffset.UTC).toInstant(), r -> r.readings().get(column));
            }
            add("Liander gas", rows.stream().filter(r -> r.meterNumber().startsWith("G")).toList(),
                    r -> r.date().atStartOfDay(ZoneOffset.UTC).toInstant(), r -> r.readings().get(0));
        }
        try (Reader in = resource("ampds2_water_gas_counters_hourly.csv")) {
            List<Ampds2Row> rows = Ampds2Csv.read(in);
            add("AMPds2 water", rows, Ampds2Row::timestamp, Ampds2Row::waterLitres);
            add("AMPds2 gas", rows, Ampds2Row::timestamp, Ampds2Row::gasCubicDecimetres);
        }
    }

    private static <R> void add(String name, List<R> rows, Function<R, java.time.Instant> time, Function<R, BigDecimal> value) {
        SERIES.put(name, rows.stream().map(r -> new SeriesPoint(time.apply(r), value.apply(r), false, false)).toList());
    }

    private static Reader resource(String name) {
        return new InputStreamReader(DemoData.class.getResourceAsStream("/demo/" + name), StandardCharsets.UTF_8);
    }

    /** Whether a value at the instant of {@code points[i]} is implausible after the genuine readings before it. */
    private static boolean implausible(List<SeriesPoint> points, int i, BigDecimal value) {
        SeriesPoint previous = points.get(i - 1);
        RateWindow window = RateWindow.endingAt(previous, points.subList(Math.max(0, i - RateWindow.MAX_POINTS), i - 1), Optional.empty());
        Optional<BigDecimal> bound = PlausibilityRule.upperBound(window, points.get(i).timestamp());
        if (bound.isPresent()) {
            return value.compareTo(bound.get()) > 0;
        }
        return PlausibilityRule.freshLimit(previous).map(limit -> value.compareTo(limit) >= 0).orElse(false);
    }

    /** The instant the series last stood at zero at or before {@code i}, if ever. */
    private static Optional<java.time.Instant> lastZero(List<SeriesPoint> points, int i) {
        for (int j = i; j >= 0; j--) {
            if (points.get(j).value().signum() == 0) {
                return Optional.of(points.get(j).timestamp());
            }
        }
        return Optional.empty();
    }

    @Test
    void no_genuine_reading_is_implausible() {
        List<String> flagged = new ArrayList<>();
        SERIES.forEach((name, points) -> {
            for (int i = 1; i < points.size(); i++) {
                if (implausible(points, i, points.get(i).value())) {
                    flagged.add(name + " " + points.get(i));
                }
            }
        });
        assertThat(flagged).isEmpty();
    }

    @Test
    void every_slip_of_a_hundred_or_a_thousand_is_implausible_and_every_slip_of_ten_but_on_a_registers_first_days() {
        int judged = 0;
        List<String> missedTen = new ArrayList<>();
        for (Map.Entry<String, List<SeriesPoint>> e : SERIES.entrySet()) {
            List<SeriesPoint> points = e.getValue();
            for (int i = 1; i < points.size(); i++) {
                BigDecimal genuine = points.get(i).value();
                if (genuine.signum() == 0 || points.get(i - 1).value().signum() == 0) {
                    continue; // a slip of zero is zero; after zero there is no scale
                }
                judged++;
                assertThat(implausible(points, i, genuine.multiply(BigDecimal.valueOf(100)))).as("x100 %s %s", e.getKey(), points.get(i)).isTrue();
                assertThat(implausible(points, i, genuine.multiply(BigDecimal.valueOf(1000)))).as("x1000 %s %s", e.getKey(), points.get(i)).isTrue();
                if (!implausible(points, i, genuine.multiply(BigDecimal.TEN))) {
                    missedTen.add(e.getKey() + " " + points.get(i).timestamp());
                    SeriesPoint previous = points.get(i - 1);
                    Optional<java.time.Instant> zero = lastZero(points, i - 1);
                    assertThat(zero).as("x10 missed away from a register's start: %s %s", e.getKey(), points.get(i)).isPresent();
                    assertThat(Duration.between(zero.get(), previous.timestamp())).as("%s %s", e.getKey(), points.get(i))
                            .isLessThanOrEqualTo(PlausibilityRule.MIN_HORIZON);
                }
            }
        }
        assertThat(judged).isEqualTo(35_750);
        // the Liander export registers on the days after they first exported (November 2023)
        assertThat(missedTen).hasSize(4);
    }
}
