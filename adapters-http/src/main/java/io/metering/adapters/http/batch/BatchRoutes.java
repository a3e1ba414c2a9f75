package io.metering.adapters.http.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.error.TransportReason;
import io.metering.adapters.http.reading.ReadingMapper;
import io.metering.adapters.http.reading.ReadingResponse;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonAnswer;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.adapters.http.web.WriteParams;
import io.metering.application.access.Caller;
import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchItemResult;
import io.metering.application.port.in.batch.BatchWriteCommand;
import io.metering.application.port.in.batch.BatchWriteReadingsUseCase;
import io.metering.application.port.in.batch.BatchWriteResult;
import io.metering.application.port.in.reading.PruneReadingsUseCase;
import io.metering.application.port.in.reading.PruneResult;
import io.metering.application.port.in.batch.ReadingIdentifiers;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The contract's v2 reading operations (EpilotAuth; docs/domain.md#batch-v2-and-prune):
 * <ul>
 *   <li>batchWriteMeterReadings {@code POST /v2/metering/readings?skip_validation&direct}, body
 *       {@code {identifiers?, readings: [...]}} with per-item {@code operation} create (upsert),
 *       update or delete, all or nothing (an item over a stored reading keeps the optional fields it
 *       leaves out; {@link BatchItem}) → {@code {data: [reading]}} in request order: written
 *       readings as stored, deleted ones as they were, and proposals for writes that became pending
 *       changesets on governed meters (then listed in {@code pending_changesets} too);</li>
 *   <li>pruneMeterReadings {@code POST /v2/metering/readings/prune?dry_run}, body
 *       {@code PruneMeterReadingsPayload} → {@code {data: {deleted_count, kept_count}}}.</li>
 * </ul>
 * Both accept {@code async}, {@code create_ticket} and {@code activity_id}, which change nothing
 * ({@link WriteParams#acceptPipelineOptions}). Errors: {@code too_many_records},
 * {@code invalid_identifiers}, {@code multiple_readings_found}, {@code duplicate_reading}, the write
 * rules, {@code missing_params}; an update or delete that matches nothing, or an unknown meter,
 * answers 404; every message names the item ({@code readings[3]: ...}).
 *
 * @param batch the v2 batch write
 * @param prune the prune
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of local date-time inputs
 */
public record BatchRoutes(BatchWriteReadingsUseCase batch, PruneReadingsUseCase prune, Guard guard, JsonBody body, ZoneId businessZone) {
    /** Path of batchWriteMeterReadings. */
    public static final String BATCH = "/v2/metering/readings";
    /** Path of pruneMeterReadings. */
    public static final String PRUNE = "/v2/metering/readings/prune";

    private static final BatchMapper MAPPER = BatchMapper.INSTANCE;
    private static final ReadingMapper READING_MAPPER = ReadingMapper.INSTANCE;

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.post(BATCH, guard.require(Access.ADMIN, this::write));
        routes.post(PRUNE, guard.require(Access.ADMIN, this::prune));
    }

    private void write(Context ctx, Caller caller) {
        var options = WriteParams.options(ctx);
        WriteParams.acceptPipelineOptions(ctx);
        // the common body read token by token; any other, every refusal included, as a tree
        Optional<StreamedBatchBody> streamed = body.streamed(ctx, StreamedBatchBody::read);
        BatchWriteRequest request;
        IntFunction<Set<BatchItem.Field>> omitted;
        if (streamed.isPresent()) {
            request = streamed.get().request();
            omitted = streamed.get().omitted()::get;
        } else {
            JsonNode tree = body.tree(ctx);
            request = body.read(tree, BatchWriteRequest.class);
            JsonNode nodes = tree.path("readings");
            omitted = i -> omitted(nodes.path(i));
        }
        ReadingIdentifiers identifiers = IdentifierPaths.read(request.identifiers());
        List<BatchItem> items = items(request.readings(), omitted);
        BatchWriteResult result = batch.write(new BatchWriteCommand(caller, items, identifiers, options));
        List<ReadingResponse> data = new ArrayList<>(result.items().size());
        List<Changeset> pending = new ArrayList<>();
        for (BatchItemResult item : result.items()) {
            if (item.kind() == BatchItemResult.Kind.PENDING) {
                data.add(READING_MAPPER.proposalOf(item.pending()));
                pending.add(item.pending());
            } else {
                data.add(READING_MAPPER.toResponse(item.reading()));
            }
        }
        JsonAnswer.send(ctx, new Envelope.DataWithChangesets(data, ChangesetMapper.INSTANCE.toResponses(pending)));
    }

    private void prune(Context ctx, Caller caller) {
        boolean dryRun = Params.bool(ctx, "dry_run", false);
        WriteParams.acceptPipelineOptions(ctx);
        PruneResult result = prune.prune(MAPPER.toCommand(body.read(ctx, PruneRequest.class), caller, dryRun));
        ctx.json(new Envelope.Data(new PruneResponse(result.deletedCount(), result.keptCount())));
    }

    /**
     * @param omitted per item, the keepable fields it does not name, to tell an omitted field (kept
     *     on update) from an explicit null (set)
     */
    private List<BatchItem> items(List<BatchReadingRequest> sent, IntFunction<Set<BatchItem.Field>> omitted) {
        if (sent == null) {
            return List.of();
        }
        if (sent.size() > BatchWriteCommand.MAX_ITEMS) {
            throw new InvalidRequestException(RejectionReason.TOO_MANY_RECORDS,
                    sent.size() + " readings sent; at most " + BatchWriteCommand.MAX_ITEMS + " per request");
        }
        List<BatchItem> items = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            BatchReadingRequest r = sent.get(i);
            if (r == null) {
                throw new InvalidRequestException(TransportReason.INVALID_BODY, "readings[" + i + "] must be an object");
            }
            try {
                items.add(BatchItem.keeping(MAPPER.toItem(r, businessZone), omitted.apply(i)));
            } catch (InvalidRequestException e) {
                throw e.at("readings[" + i + "]");
            }
        }
        return items;
    }

    /** The keepable optional fields ({@link BatchItem.Field}) by their names in a batch item. */
    private static final Map<String, BatchItem.Field> KEEPABLE = Map.of("external_id", BatchItem.Field.EXTERNAL_ID,
            "remark", BatchItem.Field.REMARK, "note", BatchItem.Field.NOTE, "read_by", BatchItem.Field.READ_BY,
            "reason", BatchItem.Field.REASON, "unit", BatchItem.Field.UNIT, "status", BatchItem.Field.STATUS,
            "metadata", BatchItem.Field.METADATA);

    /** The keepable optional fields an item node does not name: they keep the matched reading's values. */
    static Set<BatchItem.Field> omitted(JsonNode item) {
        Set<BatchItem.Field> omitted = EnumSet.allOf(BatchItem.Field.class);
        item.properties().forEach(e -> {
            BatchItem.Field f = KEEPABLE.get(e.getKey());
            if (f != null) {
                omitted.remove(f);
            }
        });
        return omitted;
    }
}
