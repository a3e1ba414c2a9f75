package io.metering.adapters.http.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.json.RequestFields;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.adapters.http.web.WriteParams;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.DeleteReadingCommand;
import io.metering.application.port.in.reading.DeleteReadingUseCase;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.application.port.in.reading.UpdateReadingUseCase;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The contract's operations on one stored reading, addressed by meter and counter in the path and
 * the reading's instant in the {@code timestamp} query parameter (EpilotAuth):
 * <ul>
 *   <li>updateMeterReading {@code PUT /v1/metering/reading/{meter_id}/{counter_id}?timestamp=},
 *       body {@code UpdateMeterReading} → {@code {data: reading}}. A body {@code timestamp} moves
 *       the reading; it is validated against its new neighbours. A body {@code meter_id} or
 *       {@code counter_id} naming another meter or counter than the path answers 400
 *       {@code invalid_parameter}. On a governed meter the change becomes a pending changeset
 *       ({@link ReadingAnswers}).</li>
 *   <li>deleteMeterReading {@code DELETE} on the same address →
 *       {@code {data: {meterId, counterId, timestamp}}}.</li>
 * </ul>
 * No reading at the address answers 404, never a silent no-op. This product's extensions, admin
 * only like the operations: {@code skip_validation} on both, {@code direct} on update (confirm the
 * change on a governed meter), {@code direction} on delete (pick one series of a counter that
 * measures both).
 *
 * @param update changes a reading
 * @param delete deletes a reading
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of local date-time inputs
 */
public record ReadingEditRoutes(UpdateReadingUseCase update, DeleteReadingUseCase delete, Guard guard, JsonBody body, ZoneId businessZone) {
    private static final ReadingMapper MAPPER = ReadingMapper.INSTANCE;

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.put(ReadingRoutes.SERIES, guard.require(Access.ADMIN, this::update));
        routes.delete(ReadingRoutes.SERIES, guard.require(Access.ADMIN, this::delete));
    }

    private void update(Context ctx, Caller caller) {
        MeterId meterId = Params.meterId(ctx.pathParam("meter_id"));
        CounterId counterId = Params.counterId(ctx.pathParam("counter_id"));
        Instant at = Params.requiredInstant(ctx, "timestamp", businessZone);
        JsonNode tree = body.tree(ctx);
        UpdateMeterReadingRequest request = body.read(tree, UpdateMeterReadingRequest.class);
        requireSame("meter_id", request.meterId() == null ? null : RequestFields.meterId(request.meterId()), meterId);
        requireSame("counter_id", request.counterId() == null ? null : RequestFields.counterId(request.counterId()), counterId);
        Direction direction = RequestFields.direction(request.direction());
        // an absent field keeps the stored value, an explicit null clears it
        Set<String> nulls = new HashSet<>();
        tree.properties().forEach(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        ReadingChanges changes = MAPPER.toChanges(request, businessZone).changes(nulls);
        ReadingAddress address = new ReadingAddress(meterId, counterId, at, direction);
        ctx.json(ReadingAnswers.one(update.update(new UpdateReadingCommand(caller, address, changes, WriteParams.options(ctx)))));
    }

    private void delete(Context ctx, Caller caller) {
        MeterId meterId = Params.meterId(ctx.pathParam("meter_id"));
        CounterId counterId = Params.counterId(ctx.pathParam("counter_id"));
        Instant at = Params.requiredInstant(ctx, "timestamp", businessZone);
        Direction direction = Params.code(ctx, "direction", Direction::fromCode, "feed-in, feed-out", null);
        boolean skipValidation = Params.bool(ctx, "skip_validation", false);
        List<Reading> deleted = delete.delete(new DeleteReadingCommand(caller, new ReadingAddress(meterId, counterId, at, direction),
                skipValidation));
        ctx.json(new Envelope.Data(new DeletedReadingResponse(meterId.toString(), counterId.toString(), deleted.get(0).timestamp())));
    }

    /** A body field repeating a path parameter must name the same thing. */
    private static <T> void requireSame(String field, T sent, T path) {
        if (sent != null && !sent.equals(path)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    field + " " + sent + " differs from the path's " + field + " " + path);
        }
    }
}
