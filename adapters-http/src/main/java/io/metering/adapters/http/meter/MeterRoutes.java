package io.metering.adapters.http.meter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.MeterView;
import io.metering.application.port.in.UseCases;
import io.metering.domain.meter.Meter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's meter operations: getCustomerMeters, getMetersByContractId, getMeter, updateMeter.
 * The contract marks them PortalAuth; admins are admitted too (docs/domain.md#who-may-do-what), except
 * that getCustomerMeters answers 403 for admins, who have no customer (raised by the use case).
 *
 * @param useCases the use cases
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of local date-times in contract period bounds
 */
public record MeterRoutes(UseCases useCases, Guard guard, JsonBody body, ZoneId businessZone) {
    /** Path of getCustomerMeters. */
    public static final String CUSTOMER_METERS = "/v1/metering/meter";
    /** Path of getMeter and updateMeter. */
    public static final String METER = "/v1/metering/meter/{id}";
    /** Path of getMetersByContractId. */
    public static final String CONTRACT_METERS = "/v1/metering/contract/meters/{contract_id}";

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(CUSTOMER_METERS, guard.require(Access.ADMIN_OR_PORTAL, this::customerMeters));
        routes.get(CONTRACT_METERS, guard.require(Access.ADMIN_OR_PORTAL, this::metersByContract));
        routes.get(METER, guard.require(Access.ADMIN_OR_PORTAL, this::meter));
        routes.patch(METER, guard.require(Access.ADMIN_OR_PORTAL, this::update));
    }

    /** getCustomerMeters: {@code {data: [meter + journey_actions, last_reading, current_consumption]}}. */
    private void customerMeters(Context ctx, Caller caller) {
        boolean withChangesets = Params.bool(ctx, "include_pending_changesets", false);
        List<MeterView> meters = useCases.viewMeters().customerMeters(caller, withChangesets);
        ctx.json(new Envelope.Data(meters.stream().map(v -> MeterJson.meterWithReadings(v, withChangesets)).toList()));
    }

    /** getMetersByContractId: {@code {data: [meter]}}. */
    private void metersByContract(Context ctx, Caller caller) {
        String contractId = ctx.pathParam("contract_id");
        List<MeterView> meters = useCases.viewMeters().metersByContract(caller, contractId);
        ctx.json(new Envelope.Data(meters.stream().map(v -> MeterJson.meter(v.meter())).toList()));
    }

    /**
     * getMeter: {@code {data: {entity, journey_actions, relations}}}. {@code journey_actions} is the
     * meter's stored attribute of that name (left out when it has none); {@code relations} is empty
     * because this service keeps no contact or contract entities, only their ids in the meter's
     * {@code customer} and {@code contract} relations.
     */
    private void meter(Context ctx, Caller caller) {
        MeterView view = useCases.viewMeters().meter(caller, Params.meterId(ctx.pathParam("id")));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entity", MeterJson.meter(view.meter()));
        Object journeyActions = view.meter().attributes().get("journey_actions");
        if (journeyActions != null) {
            data.put("journey_actions", journeyActions);
        }
        data.put("relations", List.of());
        ctx.json(new Envelope.Data(data));
    }

    /**
     * updateMeter: body = the attributes to change (null removes one) → {@code {data: meter}}. The
     * contract marks the body optional; without one there is nothing to change: the contract's
     * {@code missing_params}.
     */
    private void update(Context ctx, Caller caller) {
        var id = Params.meterId(ctx.pathParam("id"));
        MeterChanges changes = MeterCommands.update(body.optionalAttributes(ctx), businessZone);
        Meter updated = useCases.manageMeters().update(caller, id, changes);
        ctx.json(new Envelope.Data(MeterJson.meter(updated)));
    }
}
