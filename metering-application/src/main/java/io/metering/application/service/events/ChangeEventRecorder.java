package io.metering.application.service.events;

import io.metering.application.service.write.WriteListener;
import io.metering.application.access.Caller;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventType;
import io.metering.application.model.EventData;
import io.metering.application.model.ImportedReadings;
import io.metering.application.port.out.ChangeEventData;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The {@link WriteListener} that records every change as a change event in the outbox, in the
 * change's transaction (docs/events.md): one event per reading, meter, counter or changeset
 * changed, one per committed chunk of a bulk import. The event's time is the injected clock's.
 */
public final class ChangeEventRecorder implements WriteListener {
    private final ChangeEventStore store;
    private final ChangeEventData data;
    private final Clock clock;

    /**
     * @param store the outbox
     * @param data renders the changed resources
     * @param clock the service's clock, for the events' time
     */
    public ChangeEventRecorder(ChangeEventStore store, ChangeEventData data, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void stored(Caller caller, List<Reading> readings, Map<ReadingKey, Reading> before) {
        readings(caller, readings, r -> readingType(before.get(r.key()), r));
    }

    /** created, updated, or the status change an update makes (marked implausible, marked valid). */
    private static ChangeEventType readingType(Reading before, Reading after) {
        if (before == null) {
            return ChangeEventType.READING_CREATED;
        }
        if (before.isImplausible() != after.isImplausible()) {
            return after.isImplausible() ? ChangeEventType.READING_MARKED_IMPLAUSIBLE : ChangeEventType.READING_MARKED_VALID;
        }
        return ChangeEventType.READING_UPDATED;
    }

    @Override
    public void demoted(Caller caller, List<Reading> readings) {
        readings(caller, readings, r -> ChangeEventType.READING_MARKED_IMPLAUSIBLE);
    }

    @Override
    public void removed(Caller caller, List<Reading> readings) {
        readings(caller, readings, r -> ChangeEventType.READING_DELETED);
    }

    @Override
    public void imported(Caller caller, ImportedReadings chunk) {
        record(caller, List.of(chunk), c -> ChangeEventType.READINGS_IMPORTED, c -> "readings", c -> json(data.imported(c)));
    }

    @Override
    public void proposed(Caller caller, List<Changeset> changesets) {
        changesets(caller, changesets, ChangeEventType.CHANGESET_CREATED);
    }

    @Override
    public void cleared(Caller caller, List<Changeset> changesets) {
        changesets(caller, changesets, ChangeEventType.CHANGESET_APPLIED);
    }

    @Override
    public void changesetUpdated(Caller caller, Changeset changeset) {
        changesets(caller, List.of(changeset), ChangeEventType.CHANGESET_UPDATED);
    }

    @Override
    public void changesetDismissed(Caller caller, Changeset changeset) {
        changesets(caller, List.of(changeset), ChangeEventType.CHANGESET_DISMISSED);
    }

    @Override
    public void meterCreated(Caller caller, Meter meter) {
        meter(caller, meter, ChangeEventType.METER_CREATED);
    }

    @Override
    public void meterUpdated(Caller caller, Meter meter) {
        meter(caller, meter, ChangeEventType.METER_UPDATED);
    }

    @Override
    public void meterDeleted(Caller caller, Meter meter) {
        meter(caller, meter, ChangeEventType.METER_DELETED);
    }

    @Override
    public void counterCreated(Caller caller, Counter counter) {
        counter(caller, counter, ChangeEventType.COUNTER_CREATED);
    }

    @Override
    public void counterUpdated(Caller caller, Counter counter) {
        counter(caller, counter, ChangeEventType.COUNTER_UPDATED);
    }

    @Override
    public void counterDeleted(Caller caller, Counter counter) {
        counter(caller, counter, ChangeEventType.COUNTER_DELETED);
    }

    /**
     * A reading's event keeps the reading itself as its data (rendered when served) and derives its
     * subject from it: {@code counters/<counter_id>/readings/<direction>/<timestamp>}, the key the API
     * addresses it by. Nothing is rendered on the write path (docs/events.md "Format").
     */
    private void readings(Caller caller, List<Reading> readings, Function<Reading, ChangeEventType> type) {
        record(caller, readings, type, r -> null, EventData.OfReading::new);
    }

    private void changesets(Caller caller, List<Changeset> changesets, ChangeEventType type) {
        record(caller, changesets, c -> type, c -> "changesets/" + c.id(), c -> json(data.changeset(c)));
    }

    private void meter(Caller caller, Meter meter, ChangeEventType type) {
        record(caller, List.of(meter), m -> type, m -> "meters/" + m.id(), m -> json(data.meter(m)));
    }

    private void counter(Caller caller, Counter counter, ChangeEventType type) {
        record(caller, List.of(counter), c -> type, c -> "counters/" + c.id(), c -> json(data.counter(c)));
    }

    private static EventData json(String rendered) {
        return new EventData.Json(rendered);
    }

    private <T> void record(Caller caller, List<T> changed, Function<T, ChangeEventType> type, Function<T, String> subject,
            Function<T, EventData> render) {
        if (changed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String actor = actor(caller);
        UUID first = eventId();
        List<ChangeEvent> events = new ArrayList<>(changed.size());
        int index = 0;
        for (T t : changed) {
            events.add(new ChangeEvent(eventId(first, index++), caller.org(), type.apply(t).wireName(), subject.apply(t), now, actor,
                    render.apply(t)));
        }
        store.append(events);
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: an event id only has to be unique
     * (consumers deduplicate by it), not unguessable, and {@link UUID#randomUUID()}'s SecureRandom
     * was a visible share of the JVM's work per event. Bit 61 of the low half is clear, so the ids
     * {@link #eventId(UUID, int)} counts up from it stay version 4 with the IETF variant.
     */
    public static UUID eventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x1FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * The id of the {@code index}th event of one write: the write's first id counted up, so the
     * outbox stores one id per row instead of one per event (docs/events.md "Format"). Unique as the
     * first ids are: 121 random bits, and a write's run of at most a few million ids cannot carry
     * into the variant bits from a first id whose bit 61 is clear.
     */
    public static UUID eventId(UUID first, int index) {
        return index == 0 ? first : new UUID(first.getMostSignificantBits(), first.getLeastSignificantBits() + index);
    }

    /** {@code admin:<token subject>} or {@code portal:<token subject>}; the kind alone when the token has no subject. */
    static String actor(Caller caller) {
        String kind = caller.kind().name().toLowerCase(Locale.ROOT);
        return caller.subject() == null || caller.subject().isBlank() ? kind : kind + ":" + caller.subject();
    }
}
