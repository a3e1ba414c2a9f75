package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.consumptionCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory series answers as the {@link SeriesNeighbours} contract asks, and stores what a write decided. */
class InMemorySeriesTest {
    private static final Instant DAY0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-12-31T00:00:00Z");

    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();
    private final SeriesKey series = new SeriesKey(counter.id(), Direction.FEED_OUT);

    private Reading at(int day, String value) {
        return Reading.builder(counter).at(DAY0.plusSeconds(86_400L * day)).value(value).build();
    }

    @Test
    void neighboursSkipImplausibleAndReplacedReadingsAndOtherSeries() {
        Reading day1 = at(1, "10");
        InMemorySeries s = InMemorySeries.of(at(3, "30"), day1, at(2, "20").withStatus(ReadingStatus.IMPLAUSIBLE),
                at(5, "50"), at(4, "40").toBuilder().direction(Direction.FEED_IN).build())
                .replacing(Set.of(at(5, "50").key()));

        assertThat(s.previous(series, at(3, "0").timestamp())).map(SeriesPoint::value).contains(day1.value());
        assertThat(s.next(series, day1.timestamp())).map(p -> p.value().toPlainString()).contains("30");
        assertThat(s.next(series, at(3, "0").timestamp())).isEmpty();
        assertThat(s.previous(series, day1.timestamp())).isEmpty();
        assertThat(s.points(series)).extracting(p -> p.value().toPlainString()).containsExactly("10", "30");
        assertThat(s.readings(series)).hasSize(4);
    }

    @Test
    void aReadingAtAHeldKeyReplacesTheHeldOne() {
        InMemorySeries s = InMemorySeries.of(at(1, "10")).add(at(1, "11"));

        assertThat(s.readings(series)).extracting(r -> r.value().toPlainString()).containsExactly("11");
    }

    @Test
    void storingAJudgementHoldsItsReadingsAndDemotesTheSlipsItFound() {
        // 1000 on day 2 after 10 on day 1: a unit slip, which 20 on day 3 shows
        InMemorySeries s = InMemorySeries.of(at(1, "10"), at(2, "10000"));
        ReadingBatchValidator.Judgement judged = new ReadingBatchValidator(s)
                .judge(List.of(new ReadingCandidate(0, at(3, "20"), meter, counter)), NOW, java.time.ZoneOffset.UTC, true);

        s.store(judged);

        assertThat(judged.demoted()).containsExactly(at(2, "0").key());
        assertThat(s.find(at(2, "0").key())).map(Reading::isImplausible).contains(true);
        assertThat(s.points(series)).extracting(p -> p.value().toPlainString()).containsExactly("10", "20");
    }

    @Test
    void previousAndNextAgreeWithAScanOfThePlausibleReadings() {
        // each int: day (0..29) * 4 + flags (bit 0 implausible, bit 1 replaced)
        qt().withExamples(300).forAll(lists().of(integers().between(0, 119)).ofSizeBetween(0, 20), integers().between(0, 30))
                .checkAssert((codes, probeDay) -> {
                    InMemorySeries s = new InMemorySeries();
                    List<Reading> replaced = new ArrayList<>();
                    for (int code : codes) {
                        Reading r = at(code / 4, Integer.toString(code));
                        if ((code & 1) != 0) {
                            r = r.withStatus(ReadingStatus.IMPLAUSIBLE);
                        }
                        s.add(r);
                        if ((code & 2) != 0) {
                            replaced.add(r);
                        }
                    }
                    s.replacing(replaced.stream().map(Reading::key).toList());
                    Instant t = at(probeDay, "0").timestamp();
                    List<SeriesPoint> visible = s.readings(series).stream()
                            .filter(r -> !r.isImplausible() && !replaced.stream().anyMatch(x -> x.key().equals(r.key())))
                            .map(Reading::point).toList();
                    Optional<SeriesPoint> before = visible.stream().filter(p -> p.timestamp().isBefore(t)).reduce((a, b) -> b);
                    Optional<SeriesPoint> after = visible.stream().filter(p -> p.timestamp().isAfter(t)).findFirst();
                    assertThat(s.previous(series, t)).isEqualTo(before);
                    assertThat(s.next(series, t)).isEqualTo(after);
                    assertThat(s.pointsBefore(series, t)).isEqualTo(visible.stream().filter(p -> p.timestamp().isBefore(t)).toList());
                });
    }
}
