package io.metering.application.service.write;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingStatus;
import io.metering.application.port.out.ReadingRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared write path used by every reading write: upserts (REPLACE) and removals must be judged
 * against the series as it will be, not as it was.
 */
class ReadingWriterTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);
    private final ReadingWriter writer = new ReadingWriter(world.ctx.counters(), world.ctx.readings(),
            world.ctx.changesets(), world.ctx.clock(), world.ctx.businessZone(), PlausibilityProvider.NONE);

    /** The store's write calls, by method name. */
    private final List<String> writes = new ArrayList<>();

    /** {@link #writer} over a store that records which of insert and upsert each write called. */
    private final ReadingWriter recorded = new ReadingWriter(world.ctx.counters(), recording(world.ctx.readings()),
            world.ctx.changesets(), world.ctx.clock(), world.ctx.businessZone(), PlausibilityProvider.NONE);

    private ReadingRepository recording(ReadingRepository store) {
        return (ReadingRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ReadingRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insert") || method.getName().equals("upsert")) {
                        writes.add(method.getName());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<ReadingCandidate> candidates(ServiceWorld.Input... inputs) {
        List<ReadingCandidate> out = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            var in = inputs[i].build();
            Reading r = new Reading(in.meterId(), in.counterId(), counter.direction(), in.timestamp(), in.value(), in.source(),
                    in.reason(), null, in.status(), null, null, null, null, null);
            out.add(new ReadingCandidate(i, r, meter, counter, in.status() != null));
        }
        return out;
    }

    private List<Reading> write(List<ReadingCandidate> candidates, Collection<Reading> removed, ReadingWriter.OnExisting mode) {
        return world.store.inTransaction(() -> writer.write(world.admin, candidates, SeriesGapGuard.Vacated.all(removed), mode, true));
    }

    private List<String> stored() {
        return world.stored(counter).stream()
                .map(r -> r.value().toPlainString() + (r.isImplausible() ? "!" : "")).toList();
    }

    @Test
    void anUpsertJudgesTheBatchWithoutTheStoredReadingsItReplaces() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-10T00:00:00Z", "200"));

        // the May 10th reading turns out to be a unit slip and is replaced by one marked implausible;
        // the genuine 150 on May 20th then follows the 100 of May 1st
        write(candidates(
                reading(meter, counter, "2024-05-10T00:00:00Z", "200000").status(ReadingStatus.IMPLAUSIBLE),
                reading(meter, counter, "2024-05-20T00:00:00Z", "150")), List.of(), ReadingWriter.OnExisting.REPLACE);

        assertThat(stored()).containsExactly("100", "200000!", "150");
    }

    @Test
    void anUpsertIsStillCheckedAgainstTheReadingsThatRemain() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-10T00:00:00Z", "200"));

        assertThatThrownBy(() -> write(candidates(
                        reading(meter, counter, "2024-05-10T00:00:00Z", "200000").status(ReadingStatus.IMPLAUSIBLE),
                        reading(meter, counter, "2024-05-20T00:00:00Z", "99")), List.of(), ReadingWriter.OnExisting.REPLACE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS));
        assertThat(stored()).containsExactly("100", "200");
    }

    @Test
    void aReplacedReadingTakesTheNewValue() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-10T00:00:00Z", "200"));
        write(candidates(reading(meter, counter, "2024-05-10T00:00:00Z", "180")), List.of(), ReadingWriter.OnExisting.REPLACE);
        assertThat(stored()).containsExactly("100", "180");
    }

    @Test
    void removedReadingsAreDeletedAndNoLongerNeighbours() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-10T00:00:00Z", "200"));
        Reading slip = world.stored(counter).get(1);

        write(candidates(reading(meter, counter, "2024-05-20T00:00:00Z", "150")), List.of(slip),
                ReadingWriter.OnExisting.REPLACE);

        assertThat(stored()).containsExactly("100", "150");
    }

    @Test
    void aRemovedReadingWrittenAgainAtItsOwnKeyTakesTheNewValue() {
        // an upsert by identifier that keeps the timestamp: the stored reading is both removed and written again
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-10T00:00:00Z", "200"));
        Reading matched = world.stored(counter).get(1);

        world.store.inTransaction(() -> recorded.write(world.admin, candidates(reading(meter, counter, "2024-05-10T00:00:00Z", "190")),
                SeriesGapGuard.Vacated.all(List.of(matched)), ReadingWriter.OnExisting.REPLACE, true));

        assertThat(writes).containsExactly("upsert");
        assertThat(stored()).containsExactly("100", "190");
    }

    @Test
    void insertModeRefusesAnExistingKey() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"));
        assertThatThrownBy(() -> write(candidates(reading(meter, counter, "2024-05-01T00:00:00Z", "100")), List.of(),
                ReadingWriter.OnExisting.REJECT))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.DUPLICATE_READING));
    }

    @Test
    void aReplacingWriteStoresWithAPlainInsertOnlyWhenNoStoredReadingLiesInItsSpan() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-10T00:00:00Z", "200"));

        world.store.inTransaction(() -> recorded.write(world.admin, candidates(reading(meter, counter, "2024-05-20T00:00:00Z", "250"),
                reading(meter, counter, "2024-05-30T00:00:00Z", "300")), List.of(), ReadingWriter.OnExisting.REPLACE, true));
        assertThat(writes).containsExactly("insert");

        // the span May 5th to 20th holds the stored May 10th reading, which the write replaces
        world.store.inTransaction(() -> recorded.write(world.admin, candidates(reading(meter, counter, "2024-05-05T00:00:00Z", "150"),
                reading(meter, counter, "2024-05-10T00:00:00Z", "210"), reading(meter, counter, "2024-05-20T00:00:00Z", "250")),
                List.of(), ReadingWriter.OnExisting.REPLACE, true));
        assertThat(writes).containsExactly("insert", "upsert");
        assertThat(stored()).containsExactly("100", "150", "210", "250", "300");
    }
}
