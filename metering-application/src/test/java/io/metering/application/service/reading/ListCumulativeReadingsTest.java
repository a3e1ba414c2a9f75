package io.metering.application.service.reading;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.ValueType;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.governance.EditMode;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import io.metering.domain.time.TimeInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cumulative readings of a counter: order, windows, hits and the first record. */
class ListCumulativeReadingsTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);

    @BeforeEach
    void fiveMonthlyReadings() {
        world.record(
                reading(meter, counter, "2024-01-01T00:00:00Z", "100"),
                reading(meter, counter, "2024-02-01T00:00:00Z", "150"),
                reading(meter, counter, "2024-03-01T00:00:00Z", "175.5"),
                reading(meter, counter, "2024-04-01T00:00:00Z", "200"),
                reading(meter, counter, "2024-05-01T00:00:00Z", "260"));
    }

    private ReadingsPage list(Caller caller, String start, String end, SortOrder sort, PageRequest page) {
        return world.listAndStream(new ReadingsRequest(caller, meter.id(), counter.id(), Optional.empty(),
                start == null ? null : TimeInput.parse(start, "start_date", ServiceWorld.BERLIN),
                end == null ? null : TimeInput.parse(end, "end_date", ServiceWorld.BERLIN),
                ValueType.CUMULATIVE, sort, page, false));
    }

    private static List<String> shown(ReadingsPage page) {
        return page.results().stream().map(v -> v.shownValue().toPlainString()).toList();
    }

    @Test
    void readingsComeInAscendingOrderWithTheirStoredValues() {
        ReadingsPage page = list(world.admin, null, null, SortOrder.ASC, new PageRequest(0, 20));
        assertThat(shown(page)).containsExactly("100", "150", "175.5", "200", "260");
        assertThat(page.results()).extracting(ReadingView::reading).extracting(r -> r.value().toPlainString())
                .containsExactly("100", "150", "175.5", "200", "260");
        assertThat(page.hits()).isEqualTo(5);
    }

    @Test
    void descendingOrderReversesThem() {
        assertThat(shown(list(world.admin, null, null, SortOrder.DESC, new PageRequest(0, 20))))
                .containsExactly("260", "200", "175.5", "150", "100");
    }

    @Test
    void aWindowShowsItsPartWhileHitsCountTheWholeInterval() {
        ReadingsPage second = list(world.admin, null, null, SortOrder.ASC, new PageRequest(2, 2));
        assertThat(shown(second)).containsExactly("175.5", "200");
        assertThat(second.hits()).isEqualTo(5);

        ReadingsPage full = list(world.admin, null, null, SortOrder.ASC, new PageRequest(0, 2));
        assertThat(full.hits()).isEqualTo(5);

        ReadingsPage past = list(world.admin, null, null, SortOrder.ASC, new PageRequest(10, 2));
        assertThat(past.results()).isEmpty();
        assertThat(past.hits()).isEqualTo(5);
    }

    @Test
    void sizeMinusOneReturnsEveryReading() {
        ReadingsPage all = list(world.admin, null, null, SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
        assertThat(all.results()).hasSize(5);
        assertThat(all.hits()).isEqualTo(5);
    }

    @Test
    void hitsCountTheIntervalAndFirstRecordIsTheCountersEarliestReading() {
        ReadingsPage page = list(world.admin, "2024-02-01T00:00:00Z", "2024-04-01T00:00:00Z", SortOrder.ASC, new PageRequest(0, 1));
        assertThat(shown(page)).containsExactly("150");
        assertThat(page.hits()).isEqualTo(3);
        assertThat(page.firstRecordAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void aCounterWithoutReadingsHasNoFirstRecord() {
        Counter empty = world.createCounter(meter, "1-0:2.8.0");
        ReadingsPage page = world.listAndStream(new ReadingsRequest(world.admin, meter.id(), empty.id(), Optional.empty(), null,
                null, null, null, null, false));
        assertThat(page.results()).isEmpty();
        assertThat(page.hits()).isZero();
        assertThat(page.firstRecordAt()).isNull();
    }

    @Test
    void aDirectionFilterSelectsOneSeriesOfABidirectionalCounter() {
        Counter both = world.createCounter(meter, "A-34");
        world.record(
                reading(meter, both, "2024-01-01T00:00:00Z", "10").direction(Direction.FEED_OUT),
                reading(meter, both, "2024-01-01T00:00:00Z", "3").direction(Direction.FEED_IN),
                reading(meter, both, "2024-02-01T00:00:00Z", "20").direction(Direction.FEED_OUT));

        ReadingsPage feedIn = world.listAndStream(new ReadingsRequest(world.admin, meter.id(), both.id(),
                Optional.of(Direction.FEED_IN), null, null, null, null, new PageRequest(0, 1), false));
        assertThat(shown(feedIn)).containsExactly("3");
        assertThat(feedIn.hits()).isEqualTo(1);

        ReadingsPage feedOut = world.listAndStream(new ReadingsRequest(world.admin, meter.id(), both.id(),
                Optional.of(Direction.FEED_OUT), null, null, null, null, new PageRequest(0, 1), false));
        assertThat(shown(feedOut)).containsExactly("10");
        assertThat(feedOut.hits()).isEqualTo(2);
    }

    @Test
    void thePortalUserOfTheMeterReadsItsReadings() {
        assertThat(list(portal("contact-anna"), null, null, SortOrder.ASC, new PageRequest(0, 20)).results()).hasSize(5);
    }

    @Test
    void anotherCustomerReadsNotFound() {
        assertThatThrownBy(() -> list(portal("contact-ben"), null, null, SortOrder.ASC, new PageRequest(0, 20)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> list(world.otherOrgAdmin, null, null, SortOrder.ASC, new PageRequest(0, 20)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCounterOfAnotherMeterReadsNotFound() {
        Meter other = world.powerMeterOf("contact-anna");
        assertThatThrownBy(() -> world.listAndStream(new ReadingsRequest(world.admin, other.id(), counter.id(), Optional.empty(),
                null, null, null, null, null, false))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void pendingChangesetsComeAlongOnlyWhenAskedFor() {
        Meter governed = world.createMeter(MeterChanges.builder().sector(set(Sector.POWER))
                .governance(ServiceWorld.governed(EditMode.APPROVAL)));
        Counter c = world.consumptionCounter(governed);
        world.record(reading(governed, c, "2024-06-01T00:00:00Z", "10"));

        ReadingsRequest without = new ReadingsRequest(world.admin, governed.id(), c.id(), Optional.empty(), null, null, null,
                null, null, false);
        ReadingsRequest with = new ReadingsRequest(world.admin, governed.id(), c.id(), Optional.empty(), null, null, null,
                null, null, true);
        assertThat(world.listAndStream(without).pendingChangesets()).isEmpty();
        assertThat(world.listAndStream(with).pendingChangesets()).hasSize(1);
        assertThat(world.listAndStream(with).results()).isEmpty();
    }

    @Test
    void readingsWrittenWithSkipValidationAreListedAsStored() {
        world.record(world.admin, new WriteOptions(true, false), reading(meter, counter, "2024-05-15T00:00:00Z", "1"));
        assertThat(shown(list(world.admin, "2024-05-01", "2024-05-31", SortOrder.ASC, new PageRequest(0, 20))))
                .containsExactly("260", "1");
    }
}
