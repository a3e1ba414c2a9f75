package io.metering.adapters.http.reading;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.json.WireCodes;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.AllowedReadingQuery;
import java.time.ZoneId;

/**
 * The contract's getAllowedReadingForMeter {@code GET /v1/metering/allowed/reading/{meter_id}?timestamp}
 * (EitherAuth) → {@code {data: [{counter_id, direction, min_value, max_value?}]}}: per counter, the
 * values a new reading at the instant (default now) may take, as docs/domain.md#reading-the-series
 * defines them. {@code max_value} is left out when nothing bounds the value.
 *
 * @param query the allowed ranges
 * @param guard authentication and admission
 * @param businessZone zone of local date-time inputs
 */
public record AllowedRangeRoutes(AllowedReadingQuery query, Guard guard, ZoneId businessZone) {
    /** Path of getAllowedReadingForMeter. */
    public static final String ALLOWED = "/v1/metering/allowed/reading/{meter_id}";

    /** Adds the route. */
    public void register(RoutesConfig routes) {
        routes.get(ALLOWED, guard.require(Access.ADMIN_OR_PORTAL, this::allowed));
    }

    private void allowed(Context ctx, Caller caller) {
        var meterId = Params.meterId(ctx.pathParam("meter_id"));
        var at = Params.instant(ctx, "timestamp", businessZone);
        ctx.json(new Envelope.Data(query.allowedRanges(caller, meterId, at).stream()
                .map(r -> new AllowedRangeResponse(WireCodes.id(r.counterId()), WireCodes.code(r.direction()), r.minValue(), r.maxValue(),
                        r.closedAt() == null ? null : Boolean.TRUE, r.closedAt()))
                .toList()));
    }
}
