package io.metering.bootstrap.demo;

import io.metering.application.service.TestServices;
import io.metering.application.service.write.WriteListener;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryStore;
import io.metering.application.fakes.MutableClock;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.ValueType;
import io.metering.application.service.meter.ForecastProvider;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.TestContext;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled Liander export, imported through the use cases, reads back with {@code
 * type=relative} values equal to the operator's own daily differences ({@code usage1..4}) on every
 * row where the file gives one (issue 2, "Done when").
 */
class LianderRelativeValuesTest {
    private static TestContext ctx;
    private static List<LianderRow> rows;

    @BeforeAll
    static void importDemo() throws Exception {
        InMemoryStore store = new InMemoryStore();
        ctx = new TestContext(store, store, store, store, store, store, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
                ZoneId.of("Europe/Berlin"));
        DemoData demo = new DemoData(TestServices.meterAdministration(ctx, WriteListener.NONE),
                TestServices.counterAdministration(ctx, WriteListener.NONE),
                TestServices.recordReadingsService(ctx, PlausibilityProvider.NONE), TestServices.meterViews(ctx, ForecastProvider.NONE));
        assertThat(demo.loadIfAbsent()).isEqualTo(4 * 206 + 206 + 2 * 17521);
        try (var in = new InputStreamReader(DemoData.class.getResourceAsStream("/demo/liander_daily_register_readings.csv"),
                StandardCharsets.UTF_8)) {
            rows = LianderCsv.read(in);
        }
    }

    @Test
    void relativeValuesOfTheFourElectricityRegistersEqualTheOperatorsUsageColumns() {
        for (int register = 1; register <= 4; register++) {
            Map<Instant, BigDecimal> relative = relative(DemoIds.LIANDER_POWER, DemoIds.lianderPowerRegister(register));
            int column = register - 1;
            List<LianderRow> electricity = rows.stream().filter(r -> r.meterNumber().startsWith("E")).toList();
            assertThat(relative).hasSize(206);
            long compared = 0;
            for (LianderRow row : electricity) {
                BigDecimal usage = row.usages().get(column);
                if (usage == null) {
                    continue;
                }
                assertThat(relative.get(day(row)))
                        .as("register %d on %s", register, row.date())
                        .isEqualByComparingTo(usage);
                compared++;
            }
            assertThat(compared).as("rows with an operator difference").isEqualTo(205);
        }
    }

    @Test
    void relativeValuesOfTheGasMeterEqualTheOperatorsUsageColumn() {
        Map<Instant, BigDecimal> relative = relative(DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME);
        List<LianderRow> gas = rows.stream().filter(r -> r.meterNumber().startsWith("G") && r.usages().get(0) != null).toList();
        assertThat(gas).hasSize(205);
        gas.forEach(row -> assertThat(relative.get(day(row))).as("gas on %s", row.date()).isEqualByComparingTo(row.usages().get(0)));
    }

    @Test
    void theFirstDayHasRelativeValueZero() {
        Map<Instant, BigDecimal> relative = relative(DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME);
        assertThat(relative.get(Instant.parse("2023-06-05T00:00:00Z"))).isEqualByComparingTo("0");
    }

    private static Instant day(LianderRow row) {
        return row.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Map<Instant, BigDecimal> relative(MeterId meter, CounterId counter) {
        ReadingsPage page = TestServices.listReadings(ctx).list(new ReadingsRequest(Caller.admin(DemoIds.ORG,
                "test"), meter, counter,
                Optional.empty(), null, null, ValueType.RELATIVE, SortOrder.ASC, new PageRequest(0, PageRequest.ALL), false));
        return page.results().stream().collect(Collectors.toMap(v -> v.reading().timestamp(), ReadingView::shownValue));
    }
}
