package io.metering.adapters.http.queue;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.json.RequestFields;
import io.metering.adapters.http.reading.ReadingMapper;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.queue.QueueWindow;
import io.metering.application.port.in.queue.ReviewQueuesQuery;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * This product's review queues of the whole organization (not in the contract; docs/console.md
 * "Queues"), admin tokens only:
 * <ul>
 *   <li>listPendingChangesets {@code GET /v1/metering/admin/changesets?meter_id&counter_id&source&created_from&created_before&size&cursor}
 *       → pending changesets oldest first;</li>
 *   <li>listImplausibleReadings {@code GET /v1/metering/admin/implausible-readings?meter_id&counter_id&source&start_date&end_date&sort&size&cursor}
 *       → implausible readings, newest first unless {@code sort=asc}.</li>
 * </ul>
 * Both answer {@link QueuePageResponse}: {@code size} 0-1000 (default 50; 0 for the count alone),
 * {@code cursor} the previous page's {@code next_cursor}. An unknown meter or counter id filters to
 * an empty page rather than 404: the queue is the organization's, the ids only narrow it. Dates are
 * days of the business zone as in the reading list: {@code end_date} includes its day,
 * {@code created_before} ends before its day ({@link Params#periodBound}).
 *
 * @param queues the review queues
 * @param guard authentication and admission
 * @param businessZone zone of dates and local date-time inputs
 */
public record QueueRoutes(ReviewQueuesQuery queues, Guard guard, ZoneId businessZone) {
    /** Path of listPendingChangesets. */
    public static final String CHANGESETS = "/v1/metering/admin/changesets";
    /** Path of listImplausibleReadings. */
    public static final String IMPLAUSIBLE = "/v1/metering/admin/implausible-readings";
    private static final int MAX_PAGE = 1000;
    private static final int DEFAULT_PAGE = 50;
    private static final String SOURCES = String.join(", ", Arrays.stream(ReadingSource.values()).map(ReadingSource::code).toList());

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(CHANGESETS, guard.require(Access.ADMIN, this::changesets));
        routes.get(IMPLAUSIBLE, guard.require(Access.ADMIN, this::implausible));
    }

    private void changesets(Context ctx, Caller caller) {
        Params.Period created = Params.period(ctx, "created_from", "created_before", businessZone, false);
        var filter = new ChangesetQueueFilter(meterId(ctx), counterId(ctx), source(ctx), created.from(), created.before());
        var window = queues.pendingChangesets(caller, filter, Params.text(ctx, "cursor"), size(ctx));
        ctx.json(page(window, ChangesetMapper.INSTANCE::toResponse));
    }

    private void implausible(Context ctx, Caller caller) {
        Params.Period period = Params.period(ctx, "start_date", "end_date", businessZone, true);
        var filter = new ImplausibleQueueFilter(meterId(ctx), counterId(ctx), source(ctx), period.from(), period.before());
        var window = queues.implausibleReadings(caller, filter, Params.sort(ctx, SortOrder.DESC), Params.text(ctx, "cursor"), size(ctx));
        ctx.json(page(window, ReadingMapper.INSTANCE::toResponse));
    }

    private static <T> QueuePageResponse page(QueueWindow<T> window, Function<T, ?> toResponse) {
        List<?> data = window.items().stream().map(toResponse).toList();
        return new QueuePageResponse(data, window.nextCursor(), window.count(), window.countExact());
    }

    private static int size(Context ctx) {
        return (int) Params.integer(ctx, "size", DEFAULT_PAGE, 0, MAX_PAGE);
    }

    private static ReadingSource source(Context ctx) {
        return Params.code(ctx, "source", ReadingSource::fromCode, SOURCES, null);
    }

    /** A filter id is typed uuid: 400 when malformed (RequestFields), unlike a path's id, which answers 404. */
    private static MeterId meterId(Context ctx) {
        return RequestFields.meterId(Params.text(ctx, "meter_id"));
    }

    private static CounterId counterId(Context ctx) {
        return RequestFields.counterId(Params.text(ctx, "counter_id"));
    }
}
