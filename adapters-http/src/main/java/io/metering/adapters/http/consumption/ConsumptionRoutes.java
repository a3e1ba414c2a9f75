package io.metering.adapters.http.consumption;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.CsvNegotiation;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.consumption.ConsumptionQuery;
import io.metering.application.port.in.consumption.ConsumptionRequest;
import io.metering.domain.consumption.Interval;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.time.TimeInput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * This product's consumption endpoint (rules on {@link ConsumptionQuery}):
 * {@code GET /v1/metering/consumption/{meter_id}/{counter_id}} (admin and portal tokens; portal
 * users reach their own meters only, anything else is 404) with
 * <ul>
 *   <li>{@code interval}: {@code day}, {@code week}, {@code month}, {@code year} or {@code period}
 *       (default; the span as one billing period);</li>
 *   <li>{@code start_date}, {@code end_date} (required): a date ({@code end_date} includes that day)
 *       or a date-time; the span must not be empty and hold at most
 *       {@value ConsumptionQuery#MAX_PERIODS} periods;</li>
 *   <li>{@code direction}: {@code feed-in} or {@code feed-out} (default: the counter's);</li>
 *   <li>{@code time_zone}: an IANA zone id for the calendar (default: the business time zone).</li>
 * </ul>
 * Answers {@code {data: }}{@link ConsumptionResponse}, or with {@code Accept: text/csv} the same
 * values as CSV ({@link ConsumptionCsv}), streamed.
 *
 * @param query the use case
 * @param guard authentication and admission
 * @param businessZone the default calendar zone
 */
public record ConsumptionRoutes(ConsumptionQuery query, Guard guard, ZoneId businessZone) {
    /** The endpoint's path. */
    public static final String CONSUMPTION = "/v1/metering/consumption/{meter_id}/{counter_id}";

    /** Checks that no collaborator is missing. */
    public ConsumptionRoutes {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(businessZone, "businessZone");
    }

    /** Adds the route. */
    public void register(RoutesConfig routes) {
        routes.get(CONSUMPTION, guard.require(Access.ADMIN_OR_PORTAL, this::consumption));
    }

    private void consumption(Context ctx, Caller caller) throws IOException {
        var meterId = Params.meterId(ctx.pathParam("meter_id"));
        var counterId = Params.counterId(ctx.pathParam("counter_id"));
        Interval interval = Params.code(ctx, "interval", Interval::fromCode, "day, week, month, year, period", Interval.PERIOD);
        Direction direction = Params.code(ctx, "direction", Direction::fromCode, "feed-in, feed-out", null);
        ZoneId zone = zone(Params.text(ctx, "time_zone"));
        ZoneId calendar = zone != null ? zone : businessZone;
        TimeInput start = TimeInput.parse(Params.requiredText(ctx, "start_date"), "start_date", calendar);
        TimeInput end = TimeInput.parse(Params.requiredText(ctx, "end_date"), "end_date", calendar);
        var report = query.consumption(new ConsumptionRequest(caller, meterId, counterId, Optional.ofNullable(direction), start, end,
                interval, zone));
        ConsumptionResponse answer = ConsumptionJson.of(report);
        if (CsvNegotiation.wantsCsv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"consumption-" + answer.counterId() + ".csv\"");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8))) {
                ConsumptionCsv.write(answer, out);
            }
            return;
        }
        ctx.json(new Envelope.Data(answer));
    }

    private static ZoneId zone(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    "time_zone must be an IANA time zone such as Europe/Berlin, not '" + Params.shown(text) + "'");
        }
    }
}
