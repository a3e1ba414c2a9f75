package io.metering.application.service;

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
final class Reach {
    private final ServiceContext ctx;

    Reach(ServiceContext ctx) {
        this.ctx = ctx;
    }

    Meter meter(Caller caller, MeterId id) {
        return ctx.meters().findById(caller.org(), id)
                .filter(caller::canSee)
                .orElseThrow(() -> meterNotFound(id));
    }

    Counter counter(Caller caller, CounterId id) {
        Counter counter = ctx.counters().findById(caller.org(), id).orElseThrow(() -> counterNotFound(id));
        Meter meter = ctx.meters().findById(caller.org(), counter.meterId()).filter(caller::canSee)
                .orElseThrow(() -> counterNotFound(id));
        assert meter.id().equals(counter.meterId());
        return counter;
    }

    /** A counter that must belong to the given, reachable meter. */
    Counter counterOf(Caller caller, MeterId meterId, CounterId counterId) {
        meter(caller, meterId);
        return ctx.counters().findById(caller.org(), counterId)
                .filter(c -> c.meterId().equals(meterId))
                .orElseThrow(() -> counterNotFound(counterId));
    }

    static NotFoundException meterNotFound(MeterId id) {
        return new NotFoundException("meter " + id + " not found");
    }

    static NotFoundException counterNotFound(CounterId id) {
        return new NotFoundException("counter " + id + " not found");
    }
}
