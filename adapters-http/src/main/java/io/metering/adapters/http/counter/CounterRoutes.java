package io.metering.adapters.http.counter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.UseCases;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;

/**
 * The contract's counter reads: getMeterCounters ({@code ?meter_id=}) and getCounterDetails. Marked
 * PortalAuth in the contract; admins are admitted too.
 */
public final class CounterRoutes {
    /** Path of getMeterCounters. */
    public static final String COUNTERS = "/v1/metering/counter";
    /** Path of getCounterDetails. */
    public static final String COUNTER = "/v1/metering/counter/{counter_id}";

    private final UseCases useCases;
    private final Guard guard;

    /**
     * @param useCases the use cases
     * @param guard authentication and admission
     */
    public CounterRoutes(UseCases useCases, Guard guard) {
        this.useCases = useCases;
        this.guard = guard;
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(COUNTERS, guard.require(Access.ADMIN_OR_PORTAL, this::counters));
        routes.get(COUNTER, guard.require(Access.ADMIN_OR_PORTAL, this::counter));
    }

    /** {@code {data: [counter]}}; {@code meter_id} is required (400 {@code missing_params}). */
    private void counters(Context ctx, Caller caller) {
        var meterId = Params.meterId(Params.requiredText(ctx, "meter_id"));
        ctx.json(new Envelope.Data(useCases.viewMeters().counters(caller, meterId).stream().map(CounterJson::counter).toList()));
    }

    /** {@code {data: counter}}. */
    private void counter(Context ctx, Caller caller) {
        var view = useCases.viewMeters().counter(caller, Params.counterId(ctx.pathParam("counter_id")));
        ctx.json(new Envelope.Data(CounterJson.counter(view)));
    }
}
