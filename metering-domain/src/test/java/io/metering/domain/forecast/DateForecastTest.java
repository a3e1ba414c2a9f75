package io.metering.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forecast at a date over an in-memory history: extrapolated after the latest reading, interpolated within. */
class DateForecastTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Optional<RegisterCapacity> NO_CAPACITY = Optional.empty();

    private static SeriesPoint p(String instant, String value) {
        return new SeriesPoint(Instant.parse(instant), new BigDecimal(value), false, false);
    }

    /** A history held in memory, ascending. */
    private record InMemory(List<SeriesPoint> ascending) implements DateForecast.History {
        @Override
        public List<SeriesPoint> recentPlausible(Instant t, int limit) {
            return ascending.stream().filter(x -> !x.timestamp().isAfter(t)).sorted(Comparator.comparing(SeriesPoint::timestamp).reversed())
                    .limit(limit).toList();
        }

        @Override
        public Optional<SeriesPoint> lastPlausibleAtOrBefore(Instant t) {
            return ascending.stream().filter(x -> !x.timestamp().isAfter(t)).reduce((a, b) -> b);
        }

        @Override
        public Optional<SeriesPoint> firstPlausibleAfter(Instant t) {
            return ascending.stream().filter(x -> x.timestamp().isAfter(t)).findFirst();
        }
    }

    private final InMemory tenADay = new InMemory(List.of(p("2024-06-01T00:00:00Z", "1000"), p("2024-06-02T00:00:00Z", "1010"),
            p("2024-06-03T00:00:00Z", "1020")));

    @Test
    void aDateEndsAtTheNextMidnightOfTheBusinessZone() {
        assertThat(DateForecast.endOf(LocalDate.parse("2024-06-05"), BERLIN)).isEqualTo(Instant.parse("2024-06-05T22:00:00Z"));
    }

    @Test
    void afterTheLatestReadingTheRegisterIsExtrapolatedAtItsAverageRate() {
        // 1020 + 10/day x 2 days 22 h
        Optional<BigDecimal> v = DateForecast.valueAt(DateForecast.endOf(LocalDate.parse("2024-06-05"), BERLIN),
                tenADay.ascending().get(2), tenADay, NO_CAPACITY);
        assertThat(v).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("1049.166667"));
    }

    @Test
    void withinTheRecordedHistoryTheRegisterIsInterpolatedBetweenItsReadings() {
        Optional<BigDecimal> v = DateForecast.valueAt(Instant.parse("2024-06-01T12:00:00Z"), tenADay.ascending().get(2), tenADay, NO_CAPACITY);
        assertThat(v).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("1005"));
    }

    @Test
    void noForecastWhileHistoryIsTooShortOrBeforeTheFirstReading() {
        InMemory hours = new InMemory(List.of(p("2024-06-01T00:00:00Z", "1000"), p("2024-06-01T06:00:00Z", "1001")));
        assertThat(DateForecast.valueAt(Instant.parse("2024-06-05T00:00:00Z"), hours.ascending().get(1), hours, NO_CAPACITY)).isEmpty();
        assertThat(DateForecast.valueAt(Instant.parse("2024-05-01T00:00:00Z"), tenADay.ascending().get(2), tenADay, NO_CAPACITY)).isEmpty();
    }
}
