package io.metering.adapters.http.counter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.UseCases;
import io.metering.domain.counter.Counter;
import java.util.Map;

/**
 * This product's counter administration; admin tokens only. Bodies are counter attributes by their
 * contract names ({@code obis_number}, {@code direction}, {@code tariff_type}, {@code unit},
 * {@code transformer_ratio}, {@code conversion_factor}) plus {@code register_capacity}; unknown
 * attributes are kept.
 * <ul>
 *   <li>{@code GET /v1/metering/admin/meters/{id}/counters} → {@code {data: [counter]}};</li>
 *   <li>{@code POST /v1/metering/admin/meters/{id}/counters} → 201 {@code {data: counter}}, {@code Location};</li>
 *   <li>{@code GET /v1/metering/admin/counters/{id}} → {@code {data: counter}};</li>
 *   <li>{@code PATCH /v1/metering/admin/counters/{id}} → {@code {data: counter}} (null removes an attribute);</li>
 *   <li>{@code DELETE /v1/metering/admin/counters/{id}} → 204, with its readings and changesets.</li>
 * </ul>
 * Write answers carry no derived values ({@code last_reading}, forecasts); reads do.
 *
 * @param useCases the use cases
 * @param guard authentication and admission
 * @param body JSON body reader
 */
public record AdminCounterRoutes(UseCases useCases, Guard guard, JsonBody body) {
    /** The counters of one meter. */
    public static final String METER_COUNTERS = "/v1/metering/admin/meters/{id}/counters";
    /** One counter. */
    public static final String COUNTER = "/v1/metering/admin/counters/{id}";

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(METER_COUNTERS, guard.require(Access.ADMIN, this::list));
        routes.post(METER_COUNTERS, guard.require(Access.ADMIN, this::create));
        routes.get(COUNTER, guard.require(Access.ADMIN, this::get));
        routes.patch(COUNTER, guard.require(Access.ADMIN, this::update));
        routes.delete(COUNTER, guard.require(Access.ADMIN, this::delete));
    }

    private void list(Context ctx, Caller caller) {
        var meterId = Params.meterId(ctx.pathParam("id"));
        ctx.json(new Envelope.Data(useCases.viewMeters().counters(caller, meterId).stream().map(CounterJson::counter).toList()));
    }

    private void create(Context ctx, Caller caller) {
        var meterId = Params.meterId(ctx.pathParam("id"));
        Map<String, Object> attributes = body.attributes(ctx);
        Counter counter = useCases.manageCounters().create(caller, meterId, CounterCommands.id(attributes),
                CounterCommands.changes(attributes));
        ctx.status(201).header(Header.LOCATION, "/v1/metering/admin/counters/" + counter.id())
                .json(new Envelope.Data(CounterJson.counter(counter)));
    }

    private void get(Context ctx, Caller caller) {
        var view = useCases.viewMeters().counter(caller, Params.counterId(ctx.pathParam("id")));
        ctx.json(new Envelope.Data(CounterJson.counter(view)));
    }

    private void update(Context ctx, Caller caller) {
        var id = Params.counterId(ctx.pathParam("id"));
        Counter updated = useCases.manageCounters().update(caller, id, CounterCommands.update(body.attributes(ctx)));
        ctx.json(new Envelope.Data(CounterJson.counter(updated)));
    }

    private void delete(Context ctx, Caller caller) {
        useCases.manageCounters().delete(caller, Params.counterId(ctx.pathParam("id")));
        ctx.status(204);
    }
}
