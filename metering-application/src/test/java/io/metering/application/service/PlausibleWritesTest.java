package io.metering.application.service;

import io.metering.application.service.write.HistoryPlausibilityProvider;
import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.port.in.reading.AllowedRange;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingStatus;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The product's plausibility rule on the write path and in the allowed range (docs/domain.md "Reading
 * the series"): a unit slip is kept as implausible and locks out nothing; a register that starts to
 * move inside one batch is judged by its new pace; history is read once per series and write.
 */
class PlausibleWritesTest {
    private final ServiceWorld w = new ServiceWorld();
    private final AtomicInteger historyQueries = new AtomicInteger();
    private final ReadingSeriesQueries countingSeries = counting(w.store, historyQueries);
    private final HistoryPlausibilityProvider plausibility = new HistoryPlausibilityProvider(countingSeries);
    private final Meter meter = w.powerMeterOf("contact-1");
    private final Counter kwh = w.consumptionCounter(meter);

    PlausibleWritesTest() {
        w.recording = TestServices.recordReadingsService(w.ctx, plausibility);
    }

    /** 1000, 1010, 1020 kWh at midnight UTC of June 1st to 3rd: ten per day. */
    private void tenPerDay() {
        w.record(reading(meter, kwh, "2024-06-01T00:00:00Z", "1000"), reading(meter, kwh, "2024-06-02T00:00:00Z", "1010"),
                reading(meter, kwh, "2024-06-03T00:00:00Z", "1020"));
    }

    @Test
    void aValueSentInWattHoursIsKeptAsImplausibleAndTheNextGenuineReadingIsAccepted() {
        tenPerDay();

        w.record(reading(meter, kwh, "2024-06-04T00:00:00Z", "1030000"));
        w.record(reading(meter, kwh, "2024-06-05T00:00:00Z", "1040"));

        assertThat(w.stored(kwh)).extracting(Reading::status).containsExactly(null, null, null, ReadingStatus.IMPLAUSIBLE, null);
        assertThat(w.stored(kwh).get(3).value()).isEqualByComparingTo("1030000");
    }

    @Test
    void theSlipAndTheGenuineReadingInOneBatch() {
        tenPerDay();

        w.record(reading(meter, kwh, "2024-06-04T00:00:00Z", "1030000"), reading(meter, kwh, "2024-06-05T00:00:00Z", "1040"));

        assertThat(w.stored(kwh)).extracting(Reading::status).containsExactly(null, null, null, ReadingStatus.IMPLAUSIBLE, null);
    }

    @Test
    void theAllowedMaximumWithoutALaterReadingIsThePlausibilityBound() {
        tenPerDay();

        AllowedRange range = TestServices.allowedReadings(w.ctx, plausibility)
                .allowedRanges(w.admin, meter.id(), Instant.parse("2024-06-04T00:00:00Z")).get(0);

        // 1020 + max(10 x 10 kWh/day x 3 days, 1020)
        assertThat(range.minValue()).isEqualByComparingTo("1020");
        assertThat(range.maxValue()).isEqualByComparingTo("2040");
    }

    @Test
    void aRegisterThatStartsMovingInsideABatchIsJudgedByItsPaceSinceItStarted() {
        // a feed-in register of a new PV system: 40 days at zero stored, then 60 more zero days and
        // the first two days of export in one batch (the Liander export register of 2023-11-07/08),
        // on a meter whose feed-out register runs at 6.5 kWh a day (the meter pace)
        Counter feedIn = w.createCounter(meter, CounterChanges.builder().obisNumber(ServiceWorld.set("1-0:2.8.0"))
                .direction(ServiceWorld.set(Direction.FEED_IN)).unit(ServiceWorld.set("kWh")));
        List<ServiceWorld.Input> stored = new ArrayList<>();
        List<ServiceWorld.Input> batch = new ArrayList<>();
        Instant day = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 102; i++) {
            stored.add(reading(meter, kwh, day.plus(Duration.ofDays(i)).toString(), new BigDecimal("6.5").multiply(BigDecimal.valueOf(i))
                    .add(BigDecimal.valueOf(1000)).toPlainString()));
        }
        for (int i = 0; i < 100; i++) {
            (i < 40 ? stored : batch).add(reading(meter, feedIn, day.plus(Duration.ofDays(i)).toString(), "0"));
        }
        batch.add(reading(meter, feedIn, day.plus(Duration.ofDays(100)).toString(), "0.747"));
        batch.add(reading(meter, feedIn, day.plus(Duration.ofDays(101)).toString(), "15.929"));
        w.recording = TestServices.recordReadingsService(w.ctx, new HistoryPlausibilityProvider(countingSeries, w.store));
        for (int from = 0; from < stored.size(); from += 100) {
            w.record(stored.subList(from, Math.min(stored.size(), from + 100)).toArray(ServiceWorld.Input[]::new));
        }

        w.record(batch.toArray(ServiceWorld.Input[]::new));

        // judged without the batch's zeros, the pace would be 0.747 over 61 days and 15.929 implausible
        assertThat(w.stored(feedIn)).hasSize(102).allSatisfy(r -> assertThat(r.status()).isNull());
    }

    @Test
    void aWriteReadsEachSeriesHistoryOnce() {
        // a young register: 100 kWh per day from 100, so the rate term (3000) exceeds the doubling (300)
        w.record(reading(meter, kwh, "2024-06-01T00:00:00Z", "100"), reading(meter, kwh, "2024-06-02T00:00:00Z", "200"),
                reading(meter, kwh, "2024-06-03T00:00:00Z", "300"));
        historyQueries.set(0);
        List<ServiceWorld.Input> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(reading(meter, kwh, Instant.parse("2024-06-03T01:00:00Z").plus(Duration.ofMinutes(i)).toString(),
                    String.valueOf(700 + i)));
        }

        w.record(batch.toArray(ServiceWorld.Input[]::new));

        // 700 is more than twice the stored 300, so it is judged by the rate; the later readings
        // stay below twice their predecessor, which no bound falls below, and need no history
        assertThat(historyQueries).hasValue(1);
        assertThat(w.stored(kwh)).noneMatch(Reading::isImplausible);
    }

    /** The store's time-series port, counting calls of {@code recentPlausible}. */
    private static ReadingSeriesQueries counting(ReadingSeriesQueries target, AtomicInteger calls) {
        return (ReadingSeriesQueries) Proxy.newProxyInstance(ReadingSeriesQueries.class.getClassLoader(),
                new Class<?>[] {ReadingSeriesQueries.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recentPlausible")) {
                        calls.incrementAndGet();
                    }
                    return method.invoke(target, args);
                });
    }
}
