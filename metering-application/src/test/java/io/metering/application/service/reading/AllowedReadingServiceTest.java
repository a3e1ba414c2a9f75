package io.metering.application.service.reading;

import io.metering.application.service.TestServices;

import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.in.reading.AllowedRange;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedReadingServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final AllowedReadingService service = TestServices.allowedReadings(w.ctx, PlausibilityProvider.NONE);
    private final Meter meter = w.portalMeter();
    private final Counter counter = w.feedOutCounter(meter);

    private AllowedRange only(String instant) {
        List<AllowedRange> ranges = service.allowedRanges(w.admin, meter.id(), instant == null ? null : at(instant));
        assertThat(ranges).hasSize(1);
        return ranges.get(0);
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    @Test
    void betweenTwoReadingsTheRangeIsTheirValues() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "300");

        AllowedRange r = only("2024-02-01T00:00:00Z");

        assertThat(r.counterId()).isEqualTo(counter.id());
        assertThat(plain(r.minValue())).isEqualTo("100");
        assertThat(plain(r.maxValue())).isEqualTo("300");
    }

    @Test
    void aReadingAtTheInstantIsTheMinimumAndNoHistoryMeansZero() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");

        assertThat(plain(only("2024-01-01T00:00:00Z").minValue())).isEqualTo("100");
        AllowedRange before = only("2023-12-01T00:00:00Z");
        assertThat(plain(before.minValue())).isEqualTo("0");
        assertThat(plain(before.maxValue())).isEqualTo("100");
    }

    @Test
    void aLaterSegmentStartDoesNotBoundTheValue() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        Reading change = ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "5");
        w.stored(new Reading(change.meterId(), change.counterId(), change.direction(), change.timestamp(), change.value(),
                change.source(), ReadingReason.METER_CHANGE, null, null, null, null, null, null, null));

        AllowedRange r = only("2024-02-01T00:00:00Z");

        assertThat(plain(r.minValue())).isEqualTo("100");
        assertThat(r.maxValue()).isNull();
    }

    @Test
    void implausibleReadingsTakeNoPart() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-01-15T00:00:00Z", "100000").withStatus(ReadingStatus.IMPLAUSIBLE));
        w.stored(ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-02-15T00:00:00Z", "900000").withStatus(ReadingStatus.IMPLAUSIBLE));
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "300");

        AllowedRange r = only("2024-02-01T00:00:00Z");

        assertThat(plain(r.minValue())).isEqualTo("100");
        assertThat(plain(r.maxValue())).isEqualTo("300");
    }

    @Test
    void withoutALaterReadingThePlausibilityBoundIsTheMaximum() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        PlausibilityProvider bound = org -> q -> Optional.of(q.previous().value().add(new BigDecimal("50")));

        AllowedRange withBound = TestServices.allowedReadings(w.ctx, bound).allowedRanges(w.admin, meter.id(), null).get(0);
        AllowedRange without = only(null);

        assertThat(plain(withBound.maxValue())).isEqualTo("150");
        assertThat(without.maxValue()).isNull();
        assertThat(plain(without.minValue())).isEqualTo("100");
    }

    @Test
    void theSeriesDirectionIsImpliedElseTheLatestReadingsElseFeedOut() {
        Meter m = w.meter();
        Counter undirected = w.counter(m, b -> b.obisNumber("A-34"));
        Counter empty = w.counter(m, b -> b.obisNumber("B-1"));
        w.stored(undirected, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "7");
        w.stored(undirected, Direction.FEED_IN, "2024-02-01T00:00:00Z", "3");

        List<AllowedRange> ranges = service.allowedRanges(w.admin, m.id(), at("2024-03-01T00:00:00Z"));

        assertThat(ranges).extracting(AllowedRange::counterId).containsExactly(undirected.id(), empty.id());
        assertThat(ranges.get(0).direction()).isEqualTo(Direction.FEED_IN);
        assertThat(plain(ranges.get(0).minValue())).isEqualTo("3");
        assertThat(ranges.get(1).direction()).isEqualTo(Direction.FEED_OUT);
    }

    @Test
    void portalUsersSeeOnlyTheirOwnMeters() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        Meter foreign = w.meter();
        w.feedOutCounter(foreign);

        assertThat(service.allowedRanges(w.portal, meter.id(), null)).hasSize(1);
        assertThatThrownBy(() -> service.allowedRanges(w.portal, foreign.id(), null)).isInstanceOf(NotFoundException.class);
    }
}
