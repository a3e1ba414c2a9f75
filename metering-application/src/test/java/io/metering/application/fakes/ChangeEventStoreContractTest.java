package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventData;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.application.port.out.Transactions;
import io.metering.application.service.events.ChangeEventRecorder;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChangeEventStore}, held by the in-memory fake and the PostgreSQL adapter
 * alike. Each test works in fresh organizations, so stores may be shared.
 */
public abstract class ChangeEventStoreContractTest {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    protected OrganizationId org;
    protected OrganizationId other;

    /** The store under test. */
    protected abstract ChangeEventStore store();

    /** The transactions the store joins. */
    protected abstract Transactions transactions();

    @BeforeEach
    void freshOrganizations() {
        org = new OrganizationId("events-" + UUID.randomUUID());
        other = new OrganizationId("events-" + UUID.randomUUID());
    }

    protected ChangeEvent event(OrganizationId in, String type, Instant at) {
        UUID id = UUID.randomUUID();
        return new ChangeEvent(id, in, type, "reading/" + id, at, "admin:ops@example.org",
                "{\"value\": 1250.30, \"note\": \"Zählerwechsel\", \"id\": \"" + id + "\"}");
    }

    protected void appendInTransaction(List<ChangeEvent> events) {
        transactions().inTransaction(() -> {
            store().append(events);
            return null;
        });
    }

    protected List<ChangeEvent> readAll(OrganizationId in) {
        return store().read(in, EventPosition.START, 1000, Set.of()).events().stream().map(RecordedChangeEvent::event).toList();
    }

    @Test
    void eventsComeBackInAppendOrderWithTheirDataVerbatim() {
        ChangeEvent a = event(org, "io.metering.reading.created", T0);
        ChangeEvent b = event(org, "io.metering.reading.updated", T0.plusSeconds(1));
        ChangeEvent c = event(org, "io.metering.meter.deleted", T0.plusSeconds(2));
        appendInTransaction(List.of(a, b));
        appendInTransaction(List.of(c));

        ChangeEventPage page = store().read(org, EventPosition.START, 10, Set.of());

        assertThat(page.events()).extracting(RecordedChangeEvent::event).containsExactly(a, b, c);
        assertThat(page.events()).extracting(RecordedChangeEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(page.next()).isEqualTo(page.events().get(2).position());
        assertThat(page.events().get(0).event().data()).isInstanceOfSatisfying(EventData.Json.class,
                d -> assertThat(d.text()).contains("1250.30").contains("Zählerwechsel"));
    }

    /** A reading event as the recorder makes it: the reading kept as data, the subject derived. */
    protected ChangeEvent readingEvent(UUID id, String type, Reading reading) {
        return new ChangeEvent(id, org, type, null, T0, "admin:ops@example.org", new EventData.OfReading(reading));
    }

    @Test
    void readingEventsComeBackEqualWithTheirSubjectsIdsAndMetadataOrderAcrossPages() {
        MeterId meter = MeterId.random();
        CounterId counter = CounterId.random();
        Map<String, String> unordered = new LinkedHashMap<>();
        unordered.put("zeta", "1");
        unordered.put("alpha", "tab\there");
        UUID first = ChangeEventRecorder.eventId();
        List<ChangeEvent> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Reading r = Reading.builder(meter, counter, i < 4 ? Direction.FEED_IN : Direction.FEED_OUT)
                    .at(T0.plusSeconds(i % 2 == 0 ? 3600L * i : -3600L * i))
                    .value(new BigDecimal(i == 3 ? "1250.300" : "1250.3"))
                    .status(i == 2 ? ReadingStatus.IMPLAUSIBLE : null)
                    .reason(i == 5 ? ReadingReason.METER_CHANGE : null)
                    .note(i == 4 ? "line\nbreak \\N \\e" : null)
                    .readBy(i == 6 ? "" : null)
                    .metadata(i == 5 ? unordered : Map.of())
                    .build();
            all.add(readingEvent(ChangeEventRecorder.eventId(first, i), i == 6 ? "io.metering.reading.deleted" : "io.metering.reading.created", r));
        }
        // a rendered event amid them, with an id of its own: the store keeps both kinds in one write
        all.add(3, new ChangeEvent(UUID.randomUUID(), org, "io.metering.counter.updated", "counters/" + counter, T0,
                "admin:ops@example.org", "{\"id\": \"" + counter + "\"}"));
        appendInTransaction(all);

        List<ChangeEvent> read = new ArrayList<>();
        for (ChangeEventPage page = store().read(org, EventPosition.START, 3, Set.of()); !page.events().isEmpty();
                page = store().read(org, page.next(), 3, Set.of())) {
            page.events().forEach(e -> read.add(e.event()));
        }

        assertThat(read).containsExactlyElementsOf(all);
        assertThat(read).extracting(ChangeEvent::subject).containsExactlyElementsOf(all.stream().map(ChangeEvent::subject).toList());
        assertThat(read.get(0).subject()).isEqualTo("counters/" + counter + "/readings/feed-in/" + T0);
        assertThat(((EventData.OfReading) read.get(6).data()).reading().metadata()).containsExactly(
                Map.entry("zeta", "1"), Map.entry("alpha", "tab\there"));
        // BigDecimal's equals: same value and scale
        assertThat(((EventData.OfReading) read.get(4).data()).reading().value())
                .isEqualTo(((EventData.OfReading) all.get(4).data()).reading().value());
        assertThat(store().read(org, EventPosition.START, 10, Set.of("io.metering.reading.deleted")).events())
                .extracting(RecordedChangeEvent::event).containsExactly(all.get(7));
    }

    @Test
    void aReaderSeesOnlyItsOrganization() {
        appendInTransaction(List.of(event(other, "io.metering.reading.created", T0)));
        ChangeEvent mine = event(org, "io.metering.reading.created", T0);
        appendInTransaction(List.of(mine));

        assertThat(readAll(org)).containsExactly(mine);
    }

    @Test
    void pagesContinueFromTheNextCursorWithoutGapsOrRepeats() {
        List<ChangeEvent> all = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> event(org, "io.metering.reading.created", T0.plusSeconds(i))).toList();
        all.forEach(e -> appendInTransaction(List.of(e)));

        ChangeEventPage first = store().read(org, EventPosition.START, 3, Set.of());
        ChangeEventPage second = store().read(org, first.next(), 3, Set.of());
        ChangeEventPage third = store().read(org, second.next(), 3, Set.of());
        ChangeEventPage empty = store().read(org, third.next(), 3, Set.of());

        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(p -> p.events().stream()).map(RecordedChangeEvent::event))
                .containsExactlyElementsOf(all);
        assertThat(third.events()).hasSize(1);
        assertThat(empty.events()).isEmpty();
        assertThat(empty.next()).isEqualTo(third.next());
    }

    @Test
    void newestIsTheLastReadablePositionOfTheOrganization() {
        assertThat(store().newest(org)).isEqualTo(EventPosition.START);
        appendInTransaction(List.of(event(org, "io.metering.reading.created", T0), event(org, "io.metering.reading.updated", T0)));
        appendInTransaction(List.of(event(other, "io.metering.reading.created", T0)));

        EventPosition newest = store().newest(org);

        assertThat(newest).isEqualTo(store().read(org, EventPosition.START, 10, Set.of()).next());
        appendInTransaction(List.of(event(org, "io.metering.meter.created", T0)));
        assertThat(store().read(org, newest, 10, Set.of()).events()).as("only what came after")
                .extracting(r -> r.event().type()).containsExactly("io.metering.meter.created");
    }

    @Test
    void aPositionBeyondEveryBegunTransactionIsAheadOfTheFeedJudgedByItsTransactionIdAlone() {
        appendInTransaction(List.of(event(org, "io.metering.reading.created", T0)));
        EventPosition newest = store().newest(org);

        assertThat(store().isAheadOfFeed(EventPosition.START)).isFalse();
        assertThat(store().isAheadOfFeed(newest)).as("a cursor the feed returned").isFalse();
        assertThat(store().isAheadOfFeed(new EventPosition(newest.txId(), Long.MAX_VALUE))).as("the sequence half is not judged")
                .isFalse();
        assertThat(store().isAheadOfFeed(new EventPosition(newest.txId() + 1_000_000_000L, 0))).isTrue();
        assertThat(store().isAheadOfFeed(new EventPosition(Long.MAX_VALUE, 0))).isTrue();
    }

    @Test
    void aTypeFilterKeepsOnlyTheNamedTypes() {
        ChangeEvent reading = event(org, "io.metering.reading.created", T0);
        ChangeEvent meter = event(org, "io.metering.meter.created", T0);
        ChangeEvent counter = event(org, "io.metering.counter.created", T0);
        appendInTransaction(List.of(reading, meter, counter));

        assertThat(store().read(org, EventPosition.START, 10, Set.of("io.metering.meter.created", "io.metering.counter.created"))
                .events()).extracting(RecordedChangeEvent::event).containsExactly(meter, counter);
    }

    @Test
    void aPageMayEndInsideOneWritesEventsAndTheNextResumesThere() {
        List<ChangeEvent> write = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> event(org, "io.metering.reading.created", T0)).toList();
        appendInTransaction(write);
        ChangeEvent later = event(org, "io.metering.reading.deleted", T0);
        appendInTransaction(List.of(later));

        ChangeEventPage first = store().read(org, EventPosition.START, 2, Set.of());
        ChangeEventPage second = store().read(org, first.next(), 2, Set.of());
        ChangeEventPage third = store().read(org, second.next(), 2, Set.of());

        assertThat(first.events()).extracting(RecordedChangeEvent::event).containsExactlyElementsOf(write.subList(0, 2));
        assertThat(second.events()).extracting(RecordedChangeEvent::event).containsExactlyElementsOf(write.subList(2, 4));
        assertThat(third.events()).extracting(RecordedChangeEvent::event).containsExactly(write.get(4), later);
        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(p -> p.events().stream()).map(RecordedChangeEvent::position))
                .isSorted().doesNotHaveDuplicates();
        // the cursor survives its text form mid-row
        assertThat(store().read(org, EventPosition.parse(first.next().cursor()), 2, Set.of()).events())
                .extracting(RecordedChangeEvent::event).containsExactlyElementsOf(write.subList(2, 4));
        assertThat(store().newest(org)).isEqualTo(third.next());
    }

    @Test
    void aTypeFilterPicksEventsFromInsideAMixedWriteAndResumesAfterThem() {
        ChangeEvent counter = event(org, "io.metering.counter.created", T0);
        ChangeEvent r1 = event(org, "io.metering.reading.created", T0);
        ChangeEvent deleted = event(org, "io.metering.reading.deleted", T0);
        ChangeEvent r2 = event(org, "io.metering.reading.created", T0);
        ChangeEvent r3 = event(org, "io.metering.reading.created", T0);
        appendInTransaction(List.of(counter, r1, deleted, r2, r3));
        Set<String> created = Set.of("io.metering.reading.created");

        ChangeEventPage first = store().read(org, EventPosition.START, 2, created);
        ChangeEventPage rest = store().read(org, first.next(), 10, created);

        assertThat(first.events()).extracting(RecordedChangeEvent::event).containsExactly(r1, r2);
        assertThat(rest.events()).extracting(RecordedChangeEvent::event).containsExactly(r3);
        assertThat(store().read(org, first.next(), 10, Set.of()).events()).as("unfiltered, after the same cursor")
                .extracting(RecordedChangeEvent::event).containsExactly(r3);
        assertThat(store().read(org, EventPosition.START, 10, Set.of("io.metering.meter.created")).events()).isEmpty();
    }

    @Test
    void aPurgeCountsEveryEventOfAWrite() {
        appendInTransaction(List.of(event(org, "io.metering.reading.created", T0), event(org, "io.metering.reading.created", T0),
                event(org, "io.metering.reading.created", T0)));
        ChangeEvent young = event(org, "io.metering.reading.created", T0.plusSeconds(60));
        appendInTransaction(List.of(young));
        EventPosition lastOld = store().read(org, EventPosition.START, 3, Set.of()).next();

        assertThat(store().purgeBefore(T0.plusSeconds(30))).isGreaterThanOrEqualTo(3);

        assertThat(readAll(org)).containsExactly(young);
        assertThat(store().purgedUpTo()).hasValueSatisfying(h -> assertThat(h).isGreaterThanOrEqualTo(lastOld));
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            store().append(List.of(event(org, "io.metering.reading.created", T0)));
            throw new IllegalStateException("refused after the append");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(readAll(org)).isEmpty();
    }

    @Test
    void aPurgeDeletesEventsMadeBeforeTheCutoffAndMovesTheHorizon() {
        ChangeEvent old = event(org, "io.metering.reading.created", T0);
        ChangeEvent young = event(org, "io.metering.reading.created", T0.plusSeconds(60));
        appendInTransaction(List.of(old));
        appendInTransaction(List.of(young));
        EventPosition oldPosition = store().read(org, EventPosition.START, 1, Set.of()).next();

        int purged = store().purgeBefore(T0.plusSeconds(30));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(readAll(org)).containsExactly(young);
        assertThat(store().purgedUpTo()).hasValueSatisfying(h -> assertThat(h).isGreaterThanOrEqualTo(oldPosition));
        // a second purge with an earlier cutoff never moves the horizon back
        EventPosition horizon = store().purgedUpTo().orElseThrow();
        store().purgeBefore(T0.minusSeconds(3600));
        assertThat(store().purgedUpTo()).contains(horizon);
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> store().read(org, EventPosition.START, 0, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
