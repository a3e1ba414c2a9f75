package io.metering.adapters.http.meter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.port.in.meter.MeterFilter;
import io.metering.application.port.in.meter.MeterView;
import io.metering.application.port.in.UseCases;
import io.metering.domain.meter.Meter;
import java.time.ZoneId;
import java.util.Map;

/**
 * This product's meter administration (not in the contract, which cannot create meters); admin
 * tokens only. Bodies are meter attributes by their contract names; unknown attributes are kept.
 * <ul>
 *   <li>{@code POST /v1/metering/admin/meters} → 201 {@code {data: meter}}, {@code Location} header;</li>
 *   <li>{@code GET /v1/metering/admin/meters?customer_id&contract_id&ma_lo_id&meter_number&q&size&from}
 *       → {@code {data: [meter], hits}}, oldest first, {@code size} 0-1000 (default 20); {@code q}
 *       finds as you type: MaLo id or meter number prefix (ignoring case), or a whole meter,
 *       customer or contract id;</li>
 *   <li>{@code GET /v1/metering/admin/meters/{id}} → {@code {data: meter}};</li>
 *   <li>{@code PATCH /v1/metering/admin/meters/{id}} → {@code {data: meter}} (null removes an attribute);</li>
 *   <li>{@code DELETE /v1/metering/admin/meters/{id}} → 204, with its counters, readings and changesets.</li>
 * </ul>
 * Listed and fetched meters carry {@code last_reading} and {@code current_consumption} when they
 * have readings.
 *
 * @param useCases the use cases
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of local date-times in contract period bounds
 */
public record AdminMeterRoutes(UseCases useCases, Guard guard, JsonBody body, ZoneId businessZone) {
    /** The collection. */
    public static final String METERS = "/v1/metering/admin/meters";
    /** One meter. */
    public static final String METER = "/v1/metering/admin/meters/{id}";
    /** Largest page of the list. */
    static final int MAX_PAGE = 1000;

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.post(METERS, guard.require(Access.ADMIN, this::create));
        routes.get(METERS, guard.require(Access.ADMIN, this::list));
        routes.get(METER, guard.require(Access.ADMIN, this::get));
        routes.patch(METER, guard.require(Access.ADMIN, this::update));
        routes.delete(METER, guard.require(Access.ADMIN, this::delete));
    }

    private void create(Context ctx, Caller caller) {
        Map<String, Object> attributes = body.attributes(ctx);
        Meter meter = useCases.manageMeters().create(caller, MeterCommands.id(attributes),
                MeterCommands.changes(attributes, businessZone));
        ctx.status(201).header(Header.LOCATION, METERS + "/" + meter.id()).json(new Envelope.Data(MeterJson.meter(meter)));
    }

    private void list(Context ctx, Caller caller) {
        MeterFilter filter = new MeterFilter(Params.text(ctx, "customer_id"), Params.text(ctx, "contract_id"),
                Params.text(ctx, "ma_lo_id"), Params.text(ctx, "meter_number"), Params.text(ctx, "q"));
        int size = (int) Params.integer(ctx, "size", 20, 0, MAX_PAGE);
        long from = Params.integer(ctx, "from", 0, 0, Long.MAX_VALUE);
        Page<MeterView> page = useCases.manageMeters().list(caller, filter, new PageRequest(from, size));
        ctx.json(new Envelope.Page(page.items().stream().map(v -> MeterJson.meterWithReadings(v, false)).toList(), page.total()));
    }

    private void get(Context ctx, Caller caller) {
        MeterView view = useCases.viewMeters().meter(caller, Params.meterId(ctx.pathParam("id")));
        ctx.json(new Envelope.Data(MeterJson.meterWithReadings(view, false)));
    }

    private void update(Context ctx, Caller caller) {
        var id = Params.meterId(ctx.pathParam("id"));
        Meter updated = useCases.manageMeters().update(caller, id, MeterCommands.update(body.attributes(ctx), businessZone));
        ctx.json(new Envelope.Data(MeterJson.meter(updated)));
    }

    private void delete(Context ctx, Caller caller) {
        useCases.manageMeters().delete(caller, Params.meterId(ctx.pathParam("id")));
        ctx.status(204);
    }
}
