package io.metering.adapters.http.reading;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.error.TransportReason;
import io.metering.adapters.http.json.RequestFields;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.CsvNegotiation;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonAnswer;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.adapters.http.web.WriteParams;
import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.reading.ListReadingsQuery;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordReadingsUseCase;
import io.metering.application.port.in.reading.ValueType;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.time.TimeInput;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract's operations that create and list readings:
 * <ul>
 *   <li>createMeterReading {@code POST /v1/metering/reading?direct} (EitherAuth) →
 *       {@code {data: reading}};</li>
 *   <li>createMeterReadings {@code POST /v1/metering/readings?skip_validation&direct} (EpilotAuth),
 *       body {@code {readings: [...]}}, at most 100, all or nothing → {@code {data: [reading]}};
 *       {@code async}, {@code create_ticket} and {@code activity_id} are accepted and change nothing
 *       ({@link WriteParams#acceptPipelineOptions});</li>
 *   <li>createPortalMeterReadings {@code POST /v1/metering/readings/{meter_id}?direct} (PortalAuth;
 *       admins too), body {@code {readings: [...]}} of readings that each name their
 *       {@code counter_id}; the meter is the path's, a body {@code meter_id} naming another meter
 *       answers 400 {@code invalid_parameter} → {@code {data: [reading]}};</li>
 *   <li>getReadingsByInterval {@code GET /v1/metering/reading/{meter_id}/{counter_id}} (EitherAuth)
 *       → {@code {results, hits, firstRecordCreatedAt, pending_changesets?}}; {@code size=-1} and
 *       pages over {@link #STREAM_ABOVE} readings are streamed ({@link JsonSeriesWriter}), and
 *       an {@code Accept} preferring CSV ({@link CsvNegotiation}) answers CSV, streamed too ({@link CsvSeriesWriter}).</li>
 * </ul>
 * On a governed meter a non-direct write becomes a pending changeset (docs/domain.md#changesets): it
 * still answers 200, with the created changesets in {@code pending_changesets}; createMeterReading
 * then shows the proposed reading as {@code data}. A portal caller asking for {@code direct}, or
 * sending source ERP or a status, gets 403 from the use case.
 *
 * <p>{@code type} is required by the contract but defaults to {@code cumulative} here, the
 * contract's own declared default: a missing {@code type} is no reason to fail a read.
 *
 * @param record writes readings
 * @param list reads the series
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of date inputs
 */
public record ReadingRoutes(RecordReadingsUseCase record, ListReadingsQuery list, Guard guard, JsonBody body, ZoneId businessZone) {
    /** Path of createMeterReading. */
    public static final String READING = "/v1/metering/reading";
    /** Path of createMeterReadings. */
    public static final String READINGS = "/v1/metering/readings";
    /** Path of createPortalMeterReadings. */
    public static final String METER_READINGS = "/v1/metering/readings/{meter_id}";
    /** Path of getReadingsByInterval. */
    public static final String SERIES = "/v1/metering/reading/{meter_id}/{counter_id}";

    /**
     * Windows larger than this, and {@code size=-1}, are streamed from the database
     * ({@link ListReadingsQuery#stream}) instead of collected into a page.
     */
    static final int STREAM_ABOVE = 1000;

    private static final ReadingMapper MAPPER = ReadingMapper.INSTANCE;

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.post(READING, guard.require(Access.ADMIN_OR_PORTAL, this::createOne));
        routes.post(READINGS, guard.require(Access.ADMIN, this::createMany));
        routes.post(METER_READINGS, guard.require(Access.ADMIN_OR_PORTAL, this::createForMeter));
        routes.get(SERIES, guard.require(Access.ADMIN_OR_PORTAL, this::interval));
    }

    private void createOne(Context ctx, Caller caller) {
        WriteOptions options = WriteParams.directOnly(ctx, caller);
        ReadingInput input = MAPPER.toInput(body.read(ctx, MeterReadingRequest.class), businessZone);
        ctx.json(ReadingAnswers.one(record.record(new RecordReadingsCommand(caller, List.of(input), options))));
    }

    private void createMany(Context ctx, Caller caller) {
        WriteOptions options = WriteParams.options(ctx);
        WriteParams.acceptPipelineOptions(ctx);
        List<MeterReadingRequest> readings = readingsOf(body.read(ctx, CreateMeterReadingsRequest.class));
        List<ReadingInput> inputs = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            MeterReadingRequest r = item(readings, i);
            try {
                inputs.add(MAPPER.toInput(r, businessZone));
            } catch (InvalidRequestException e) {
                throw e.at("readings[" + i + "]");
            }
        }
        ctx.json(ReadingAnswers.many(record.record(new RecordReadingsCommand(caller, inputs, options))));
    }

    /** createPortalMeterReadings: the meter is the path's; every reading names its counter. */
    private void createForMeter(Context ctx, Caller caller) {
        MeterId meterId = Params.meterId(ctx.pathParam("meter_id"));
        WriteOptions options = WriteParams.directOnly(ctx, caller);
        List<MeterReadingRequest> readings = readingsOf(body.read(ctx, CreateMeterReadingsRequest.class));
        List<ReadingInput> inputs = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            MeterReadingRequest r = item(readings, i);
            try {
                if (r.meterId() != null && !meterId.equals(RequestFields.meterId(r.meterId()))) {
                    throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                            "meter_id " + Params.shown(r.meterId()) + " differs from the path's meter " + meterId);
                }
                if (r.counterId() == null) {
                    throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "counter_id is required");
                }
                inputs.add(MAPPER.toInput(r.withMeterId(meterId.toString()), businessZone));
            } catch (InvalidRequestException e) {
                throw e.at("readings[" + i + "]");
            }
        }
        ctx.json(ReadingAnswers.many(record.record(new RecordReadingsCommand(caller, inputs, options))));
    }

    /** The readings of a batch body, refused early when there are too many to be worth mapping. */
    private static List<MeterReadingRequest> readingsOf(CreateMeterReadingsRequest request) {
        List<MeterReadingRequest> readings = request.readings() == null ? List.of() : request.readings();
        if (readings.size() > RecordReadingsCommand.MAX_READINGS) {
            throw new InvalidRequestException(RejectionReason.TOO_MANY_RECORDS, readings.size()
                    + " readings sent; at most " + RecordReadingsCommand.MAX_READINGS + " per request");
        }
        return readings;
    }

    private static MeterReadingRequest item(List<MeterReadingRequest> readings, int i) {
        MeterReadingRequest r = readings.get(i);
        if (r == null) {
            throw new InvalidRequestException(TransportReason.INVALID_BODY, "readings[" + i + "] must be an object");
        }
        return r;
    }

    private void interval(Context ctx, Caller caller) {
        var meterId = Params.meterId(ctx.pathParam("meter_id"));
        var counterId = Params.counterId(ctx.pathParam("counter_id"));
        Direction direction = Params.code(ctx, "direction", Direction::fromCode, "feed-in, feed-out", null);
        ValueType type = Params.code(ctx, "type", ReadingRoutes::valueType, "cumulative, relative", ValueType.CUMULATIVE);
        SortOrder sort = Params.sort(ctx, SortOrder.ASC);
        boolean csv = CsvNegotiation.wantsCsv(ctx);
        // a page of JSON by default, as the contract says; the CSV export is of the whole interval unless a size is given
        int size = (int) Params.integer(ctx, "size", csv ? PageRequest.ALL : 20, PageRequest.ALL, Integer.MAX_VALUE);
        long from = Params.integer(ctx, "from", 0, 0, Long.MAX_VALUE);
        boolean withChangesets = Params.bool(ctx, "include_pending_changesets", false);
        if (csv && withChangesets) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    "include_pending_changesets is not available with Accept: text/csv");
        }
        ReadingsRequest request = new ReadingsRequest(caller, meterId, counterId, Optional.ofNullable(direction),
                time(ctx, "start_date"), time(ctx, "end_date"), type, sort, new PageRequest(from, size), withChangesets);
        if (csv) {
            list.stream(request, new CsvSeriesWriter(ctx));
            return;
        }
        if (size == PageRequest.ALL || size > STREAM_ABOVE) {
            list.stream(request, new JsonSeriesWriter(ctx, withChangesets));
            return;
        }
        ReadingsPage page = list.list(request);
        ReadingsPageResponse response = MAPPER.toResponse(page);
        JsonAnswer.send(ctx, withChangesets ? response
                : new ReadingsPageResponse(response.results(), response.hits(), response.firstRecordCreatedAt(), null));
    }

    private TimeInput time(Context ctx, String name) {
        String text = ctx.queryParam(name);
        return text == null ? null : TimeInput.parse(text, name, businessZone);
    }

    private static Optional<ValueType> valueType(String code) {
        return switch (code) {
            case "cumulative" -> Optional.of(ValueType.CUMULATIVE);
            case "relative" -> Optional.of(ValueType.RELATIVE);
            default -> Optional.empty();
        };
    }
}
