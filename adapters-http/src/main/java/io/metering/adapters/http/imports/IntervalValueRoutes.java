package io.metering.adapters.http.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.imports.IntervalValuesQuery;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A counter's interval values (load profile, docs/load-profiles.md), for charts:
 * {@code GET /v1/metering/interval-values/{meter_id}/{counter_id}?start_date&end_date} (admin and
 * portal tokens; portal users reach their own meters only). A date starts at 00:00 of the business
 * time zone and {@code end_date} includes that day; a date-time is exact. Values are exact decimals.
 *
 * @param query the use case
 * @param guard authentication and admission
 * @param businessZone the zone of dates
 */
public record IntervalValueRoutes(IntervalValuesQuery query, Guard guard, ZoneId businessZone) {
    /** The route's path. */
    public static final String INTERVAL_VALUES = "/v1/metering/interval-values/{meter_id}/{counter_id}";

    /** Checks that no collaborator is missing. */
    public IntervalValueRoutes {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(businessZone, "businessZone");
    }

    /** One value as the API shows it. */
    record ValueJson(Instant start, Instant end, BigDecimal value, String quality, String source) {}

    /** The answer. */
    record IntervalValuesJson(@JsonProperty("meter_id") String meterId, @JsonProperty("counter_id") String counterId, Instant start,
            Instant end, List<ValueJson> values) {}

    /** Adds the route. */
    public void register(RoutesConfig routes) {
        routes.get(INTERVAL_VALUES, guard.require(Access.ADMIN_OR_PORTAL, this::values));
    }

    private void values(Context ctx, Caller caller) {
        var meterId = Params.meterId(ctx.pathParam("meter_id"));
        var counterId = Params.counterId(ctx.pathParam("counter_id"));
        Instant from = Params.periodBound(TimeInput.parse(Params.requiredText(ctx, "start_date"), "start_date", businessZone), businessZone,
                false);
        Instant to = Params.periodBound(TimeInput.parse(Params.requiredText(ctx, "end_date"), "end_date", businessZone), businessZone, true);
        List<IntervalValue> values = query.intervalValues(caller, meterId, counterId, from, to);
        ctx.json(new Envelope.Data(new IntervalValuesJson(meterId.toString(), counterId.toString(), from, to,
                values.stream().map(v -> new ValueJson(v.start(), v.end(), v.value(), v.quality().code(), v.source())).toList())));
    }
}
