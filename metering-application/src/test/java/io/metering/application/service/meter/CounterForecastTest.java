package io.metering.application.service.meter;

import io.metering.application.service.TestServices;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.port.in.meter.CounterView;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counter forecasts from the stored series (docs/domain.md#reading-the-series): the value expected when
 * the date ends in Europe/Berlin; today by default (the clock says 2024-06-15T10:00Z).
 */
class CounterForecastTest {
    private final ServiceWorld w = new ServiceWorld();
    private final MeterViewService views = TestServices.meterViews(w.ctx, new HistoryForecastProvider(w.store, ServiceWorld.BERLIN));
    private final Meter meter = w.powerMeterOf("contact-1");
    private final Counter kwh = w.consumptionCounter(meter);

    /** 1000 kWh on June 1st 00:00 UTC, then 10 per day until 1130 on June 14th. */
    private void tenPerDayUntilJune14() {
        List<ServiceWorld.Input> daily = new ArrayList<>();
        for (int i = 0; i <= 13; i++) {
            daily.add(reading(meter, kwh, Instant.parse("2024-06-01T00:00:00Z").plus(Duration.ofDays(i)).toString(),
                    String.valueOf(1000 + 10 * i)));
        }
        w.record(daily.toArray(ServiceWorld.Input[]::new));
    }

    @Test
    void todayByDefaultTheValueExpectedAtMidnightEndingToday() {
        tenPerDayUntilJune14();

        CounterView v = views.counter(w.admin, kwh.id());

        // from June 14th 00:00Z to June 15th 22:00Z (midnight in Berlin): 46 h at 10 per 24 h
        assertThat(v.forecastAsOf()).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(v.forecastReadingValue()).isEqualTo("1149.166667");
        assertThat(v.currentConsumption()).isEqualByComparingTo("1130");
    }

    @Test
    void atARequestedLaterDate() {
        tenPerDayUntilJune14();

        CounterView v = views.counters(w.admin, meter.id(), LocalDate.of(2024, 12, 31)).get(0);

        // until 2024-12-31T23:00Z: 200 days and 23 h, 4823 h at 10 per 24 h = 2009.583333...
        assertThat(v.forecastAsOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(v.forecastReadingValue()).isEqualTo("3139.583333");
    }

    @Test
    void atADateInsideTheRecordedHistoryTheRecordedValueInterpolated() {
        tenPerDayUntilJune14();

        CounterView v = views.counter(w.admin, kwh.id(), LocalDate.of(2024, 6, 5));

        // June 5th ends at 22:00Z, between 1040 (June 5th 00:00Z) and 1050 (June 6th 00:00Z)
        assertThat(v.forecastReadingValue()).isEqualTo("1049.166667");
        assertThat(views.counter(w.admin, kwh.id(), LocalDate.of(2024, 5, 1)).forecastReadingValue())
                .as("before the first reading").isNull();
    }

    @Test
    void noForecastWhileHistoryIsTooShortOrAbsent() {
        assertThat(views.counter(w.admin, kwh.id()).forecastReadingValue()).isNull();

        w.record(reading(meter, kwh, "2024-06-14T00:00:00Z", "10"), reading(meter, kwh, "2024-06-14T12:00:00Z", "12"));

        CounterView v = views.counter(w.admin, kwh.id());
        assertThat(v.forecastReadingValue()).as("12 hours of history").isNull();
        assertThat(v.forecastAsOf()).isNull();
    }
}
