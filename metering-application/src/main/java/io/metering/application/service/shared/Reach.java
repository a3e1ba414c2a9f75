package io.metering.application.service.shared;

import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import java.util.Objects;
import io.metering.application.access.Caller;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;

/**
 * Loads meters and counters the caller may reach; anything else reads as not found, the same as
 * an id that does not exist (docs/domain.md#who-may-do-what).
 */
public final class Reach {
    private final MeterRepository meters;
    private final CounterRepository counters;

    public Reach(MeterRepository meters, CounterRepository counters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    public Meter meter(Caller caller, MeterId id) {
        return meters.findById(caller.org(), id)
                .filter(caller::canSee)
                .orElseThrow(() -> meterNotFound(id));
    }

    public Counter counter(Caller caller, CounterId id) {
        Counter counter = counters.findById(caller.org(), id).orElseThrow(() -> counterNotFound(id));
        Meter meter = meters.findById(caller.org(), counter.meterId()).filter(caller::canSee)
                .orElseThrow(() -> counterNotFound(id));
        assert meter.id().equals(counter.meterId());
        return counter;
    }

    /** A counter that must belong to the given, reachable meter. */
    public Counter counterOf(Caller caller, MeterId meterId, CounterId counterId) {
        meter(caller, meterId);
        return counters.findById(caller.org(), counterId)
                .filter(c -> c.meterId().equals(meterId))
                .orElseThrow(() -> counterNotFound(counterId));
    }

    public static NotFoundException meterNotFound(MeterId id) {
        return new NotFoundException("meter " + id + " not found");
    }

    public static NotFoundException counterNotFound(CounterId id) {
        return new NotFoundException("counter " + id + " not found");
    }
}
