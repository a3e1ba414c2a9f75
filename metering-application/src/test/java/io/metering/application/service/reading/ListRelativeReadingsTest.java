package io.metering.application.service.reading;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.ValueType;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code type=relative}: each value minus its predecessor's, which may lie before the range. */
class ListRelativeReadingsTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);

    private ReadingsPage relative(Counter c, String start, String end, SortOrder sort, PageRequest page) {
        return world.listAndStream(new ReadingsRequest(world.admin, meter.id(), c.id(), Optional.empty(),
                start == null ? null : TimeInput.parse(start, "start_date", ServiceWorld.BERLIN),
                end == null ? null : TimeInput.parse(end, "end_date", ServiceWorld.BERLIN),
                ValueType.RELATIVE, sort, page, false));
    }

    private ReadingsPage relative(Counter c) {
        return relative(c, null, null, SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
    }

    private static List<String> shown(ReadingsPage page) {
        return page.results().stream().map(v -> v.shownValue().stripTrailingZeros().toPlainString()).toList();
    }

    private void monthly() {
        world.record(
                reading(meter, counter, "2024-01-01T00:00:00Z", "100"),
                reading(meter, counter, "2024-02-01T00:00:00Z", "150"),
                reading(meter, counter, "2024-03-01T00:00:00Z", "175.5"),
                reading(meter, counter, "2024-04-01T00:00:00Z", "200"));
    }

    @Test
    void theFirstReadingOfTheCounterIsZeroAndTheOthersTheirAdvance() {
        monthly();
        assertThat(shown(relative(counter))).containsExactly("0", "50", "25.5", "24.5");
    }

    @Test
    void theFirstReadingOfARangeCountsFromTheReadingBeforeTheRange() {
        monthly();
        assertThat(shown(relative(counter, "2024-02-01", "2024-03-31", SortOrder.ASC, new PageRequest(0, 20))))
                .containsExactly("50", "25.5");
    }

    @Test
    void aLaterWindowInDescendingOrderCountsFromReadingsOnOtherPages() {
        monthly();
        ReadingsPage page = relative(counter, null, null, SortOrder.DESC, new PageRequest(1, 2));
        assertThat(page.results()).extracting(v -> v.reading().value().toPlainString()).containsExactly("175.5", "150");
        assertThat(shown(page)).containsExactly("25.5", "50");
    }

    @Test
    void relativeValuesAreExactDecimals() {
        world.record(reading(meter, counter, "2024-01-01T00:00:00Z", "1250.2"), reading(meter, counter, "2024-01-02T00:00:00Z", "1250.3"));
        assertThat(relative(counter).results().get(1).shownValue()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void aMeterChangeRestartsAtZero() {
        world.record(
                reading(meter, counter, "2024-01-01T00:00:00Z", "80000"),
                reading(meter, counter, "2024-02-01T00:00:00Z", "80100"),
                reading(meter, counter, "2024-02-15T00:00:00Z", "5").reason("meter_change"),
                reading(meter, counter, "2024-03-01T00:00:00Z", "42"));
        assertThat(shown(relative(counter))).containsExactly("0", "100", "0", "37");
    }

    @Test
    void anImplausibleReadingShowsZeroAndTheNextCountsFromTheLastPlausibleOne() {
        world.record(reading(meter, counter, "2024-01-01T00:00:00Z", "100"));
        world.record(reading(meter, counter, "2024-02-01T00:00:00Z", "150000").status(ReadingStatus.IMPLAUSIBLE));
        world.record(reading(meter, counter, "2024-03-01T00:00:00Z", "180"));
        assertThat(shown(relative(counter))).containsExactly("0", "0", "80");
    }

    @Test
    void aRangeStartingAfterAnImplausibleReadingCountsFromThePlausibleOneBeforeIt() {
        world.record(reading(meter, counter, "2024-01-01T00:00:00Z", "100"));
        world.record(reading(meter, counter, "2024-02-01T00:00:00Z", "150000").status(ReadingStatus.IMPLAUSIBLE));
        world.record(reading(meter, counter, "2024-03-01T00:00:00Z", "180"));
        assertThat(shown(relative(counter, "2024-03-01", null, SortOrder.ASC, new PageRequest(0, 20)))).containsExactly("80");
    }

    @Test
    void acrossARegisterWrapTheAdvanceIsCapacityMinusPreviousPlusValue() {
        Counter fiveDigits = world.createCounter(meter,
                CounterChanges.builder().obisNumber(set("1-0:2.8.0")).registerCapacity(set(new BigDecimal("100000"))));
        world.record(
                reading(meter, fiveDigits, "2024-01-01T00:00:00Z", "99990"),
                reading(meter, fiveDigits, "2024-02-01T00:00:00Z", "99993"),
                reading(meter, fiveDigits, "2024-03-01T00:00:00Z", "13"));
        assertThat(shown(relative(fiveDigits))).containsExactly("0", "3", "20");
    }

    @Test
    void theTransformerRatioIsNotApplied() {
        Counter transformer = world.createCounter(meter,
                CounterChanges.builder().obisNumber(set("1-0:2.8.0")).transformerRatio(set(new BigDecimal("40"))));
        world.record(reading(meter, transformer, "2024-01-01T00:00:00Z", "10"), reading(meter, transformer, "2024-02-01T00:00:00Z", "12.5"));
        assertThat(shown(relative(transformer))).containsExactly("0", "2.5");
    }

    @Test
    void bothDirectionsOfACounterAreComputedInTheirOwnSeries() {
        Counter both = world.createCounter(meter, "A-34");
        world.record(
                reading(meter, both, "2024-01-01T00:00:00Z", "1000").direction(Direction.FEED_OUT),
                reading(meter, both, "2024-01-01T00:00:00Z", "10").direction(Direction.FEED_IN),
                reading(meter, both, "2024-02-01T00:00:00Z", "1300").direction(Direction.FEED_OUT),
                reading(meter, both, "2024-02-01T00:00:00Z", "45").direction(Direction.FEED_IN));
        ReadingsPage page = relative(both);
        assertThat(page.results()).extracting(v -> v.reading().direction().code() + " " + v.shownValue().toPlainString())
                .containsExactly("feed-in 0", "feed-out 0", "feed-in 35", "feed-out 300");
    }
}
