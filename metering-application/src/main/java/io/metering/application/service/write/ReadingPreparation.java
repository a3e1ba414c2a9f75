package io.metering.application.service.write;

import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.access.Caller;
import io.metering.application.model.ReadingInput;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingTarget;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns readings as writers send them into candidates for the write rules: loads their meters (in
 * the caller's reach) and counters in two queries, settles counter, direction and timestamp, and
 * names the reading's position in every rejection.
 */
public final class ReadingPreparation {
    private final MeterRepository meters;
    private final CounterRepository counters;
    private final ZoneId businessZone;

    /** @param businessZone the business time zone, for date-only decommissioning dates */
    public ReadingPreparation(MeterRepository meters, CounterRepository counters, ZoneId businessZone) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
    }

    /** The prepared batch. */
    public record Prepared(List<ReadingCandidate> candidates, Map<MeterId, Meter> meters) {}

    /**
     * @param caller the writer
     * @param inputs the readings
     * @param now the instant used where a reading has no timestamp
     * @return candidates in input order, with index = position in the request
     */
    public Prepared prepare(Caller caller, List<ReadingInput> inputs, Instant now) {
        return prepare(caller, inputs, now, 0);
    }

    /**
     * The meters (in the caller's reach) and counters a preparation has loaded. A long import keeps
     * one across its chunks, so each meter is loaded once.
     */
    public static final class Loaded {
        private final Map<MeterId, Meter> meters = new HashMap<>();
        private final Map<MeterId, List<Counter>> counters = new HashMap<>();
        private final Set<MeterId> asked = new HashSet<>();

        /** Whether every meter the inputs name was asked for before, so preparing them needs no query. */
        public boolean knowsAll(List<ReadingInput> inputs) {
            for (ReadingInput in : inputs) {
                if (!asked.contains(in.meterId())) {
                    return false;
                }
            }
            return true;
        }

        /** A loaded counter. */
        public Optional<Counter> counter(CounterId id) {
            for (List<Counter> ofMeter : counters.values()) {
                for (Counter c : ofMeter) {
                    if (c.id().equals(id)) {
                        return Optional.of(c);
                    }
                }
            }
            return Optional.empty();
        }

        /** The loaded counters of a meter. */
        public List<Counter> countersOf(MeterId meter) {
            return counters.getOrDefault(meter, List.of());
        }

        /** Loads what the inputs name and was not asked for before. */
        void load(MeterRepository meters, CounterRepository counters, Caller caller, List<ReadingInput> inputs) {
            List<MeterId> missing = inputs.stream().map(ReadingInput::meterId).filter(asked::add).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<MeterId, Meter> found = meters.findByIds(caller.org(), missing).stream()
                    .filter(caller::canSee)
                    .collect(Collectors.toMap(Meter::id, Function.identity()));
            this.meters.putAll(found);
            counters.findByMeters(caller.org(), found.keySet())
                    .forEach(c -> this.counters.computeIfAbsent(c.meterId(), k -> new ArrayList<>()).add(c));
        }
    }

    /**
     * As {@link #prepare(Caller, List, Instant)}, for a part of a longer stream.
     *
     * @param firstIndex the stream position of {@code inputs.get(0)}, so candidates and rejections
     *     name positions in the stream
     */
    public Prepared prepare(Caller caller, List<ReadingInput> inputs, Instant now, int firstIndex) {
        return prepare(caller, inputs, now, firstIndex, new Loaded());
    }

    /**
     * As {@link #prepare(Caller, List, Instant, int)}, reusing and extending what was loaded before.
     *
     * @param loaded meters and counters loaded so far; only meters not asked for before are loaded
     */
    public Prepared prepare(Caller caller, List<ReadingInput> inputs, Instant now, int firstIndex, Loaded loaded) {
        loaded.load(meters, counters, caller, inputs);
        Map<MeterId, Meter> meters = loaded.meters;
        Map<MeterId, List<Counter>> counters = loaded.counters;
        List<ReadingCandidate> out = new ArrayList<>(inputs.size());
        for (int n = 0; n < inputs.size(); n++) {
            ReadingInput in = inputs.get(n);
            int i = firstIndex + n;
            try {
                Meter meter = meters.get(in.meterId());
                if (meter == null) {
                    throw Reach.meterNotFound(in.meterId());
                }
                if (!caller.isAdmin() && MeterLifecycle.isClosed(meter, businessZone, now)) {
                    // only an admin corrects a closed meter's readings (docs/domain.md#decommissioned-meters)
                    throw new InvalidRequestException(RejectionReason.METER_DECOMMISSIONED, "meter " + meter.id()
                            + " is decommissioned; only an admin may correct its readings");
                }
                ReadingTarget target = ReadingTarget.resolve(meter, counters.getOrDefault(meter.id(), List.of()),
                        Optional.ofNullable(in.counterId()), Optional.ofNullable(in.direction()));
                Instant ts = (in.timestamp() == null ? now : in.timestamp()).truncatedTo(ChronoUnit.MILLIS);
                Reading reading = new Reading(meter.id(), target.counter().id(), target.direction(), ts, in.value(),
                        in.source(), in.reason(), in.readBy(), in.status(), in.externalId(), in.remark(), in.note(),
                        in.unit(), in.metadata());
                out.add(new ReadingCandidate(i, reading, meter, target.counter(), in.status() != null));
            } catch (InvalidRequestException e) {
                throw e.at("readings[" + i + "]");
            } catch (NotFoundException e) {
                throw new NotFoundException("readings[" + i + "]: " + e.getMessage());
            } catch (MeteringException e) {
                throw e;
            }
        }
        return new Prepared(out, meters);
    }
}
