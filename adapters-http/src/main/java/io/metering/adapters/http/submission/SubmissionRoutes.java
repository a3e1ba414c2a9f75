package io.metering.adapters.http.submission;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.error.TransportReason;
import io.metering.adapters.http.reading.ReadingAnswers;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.WriteParams;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.CreateReadingWithMeterUseCase;
import io.metering.application.port.in.submission.SubmissionMeterReading;
import io.metering.application.port.in.submission.SubmissionReadingsCommand;
import io.metering.application.port.in.submission.SubmissionReadingsUseCase;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract's operations that create readings from other systems' shapes (EpilotAuth):
 * <ul>
 *   <li>createMeterReadingFromSubmission {@code POST /v1/metering/reading/submission}, body a
 *       journey submission {@code {org_id?, entity: {_org?, meterReadings: [...]}}} →
 *       {@code {message: "Successfully Processed"}}; mapping of one_tariff, two_tariff,
 *       bi_directional and explicit {@code readings[]} in docs/domain.md#journey-submissions;</li>
 *   <li>createReadingWithMeter {@code POST /v1/metering/reading/with-meter}, body
 *       {@code ReadingWithMeter} → {@code {data: reading}}: meter by id or MaLo id, counter by OBIS
 *       number (created when missing).</li>
 * </ul>
 * Both write through the normal rules, all or nothing; governed meters get changesets (listed in
 * {@code pending_changesets} by createReadingWithMeter). This product's extension: both accept
 * {@code skip_validation} and {@code direct}.
 *
 * @param submissions stores journey submissions
 * @param withMeter writes readings by MaLo id and OBIS number
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of local date-time inputs
 */
public record SubmissionRoutes(SubmissionReadingsUseCase submissions, CreateReadingWithMeterUseCase withMeter, Guard guard, JsonBody body, ZoneId businessZone) {
    /** Path of createMeterReadingFromSubmission. */
    public static final String SUBMISSION = "/v1/metering/reading/submission";
    /** Path of createReadingWithMeter. */
    public static final String WITH_METER = "/v1/metering/reading/with-meter";
    /** The contract's one success message of createMeterReadingFromSubmission. */
    static final String PROCESSED = "Successfully Processed";

    private static final SubmissionMapper MAPPER = SubmissionMapper.INSTANCE;

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.post(SUBMISSION, guard.require(Access.ADMIN, this::submission));
        routes.post(WITH_METER, guard.require(Access.ADMIN, this::withMeter));
    }

    private void submission(Context ctx, Caller caller) {
        SubmissionRequest request = body.read(ctx, SubmissionRequest.class);
        SubmissionRequest.Entity entity = request.entity();
        List<SubmissionMeterReadingRequest> sent = entity == null || entity.meterReadings() == null ? List.of() : entity.meterReadings();
        List<SubmissionMeterReading> meterReadings = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            meterReadings.add(meterReading(sent.get(i), "meterReadings[" + i + "]"));
        }
        submissions.record(new SubmissionReadingsCommand(caller, request.orgId(), entity == null ? null : entity.org(), meterReadings,
                WriteParams.options(ctx)));
        ctx.json(Map.of("message", PROCESSED));
    }

    /** One entry; null entries are kept (the contract's items are nullable) and skipped by the use case. */
    private SubmissionMeterReading meterReading(SubmissionMeterReadingRequest r, String at) {
        if (r == null) {
            return null;
        }
        if (r.readings() != null && r.readings().contains(null)) {
            throw new InvalidRequestException(TransportReason.INVALID_BODY, at + ".readings must hold objects");
        }
        try {
            return MAPPER.toMeterReading(r, businessZone);
        } catch (InvalidRequestException e) {
            throw e.at(at);
        } catch (NotFoundException e) {
            throw new NotFoundException(at + ": " + e.getMessage());
        }
    }

    private void withMeter(Context ctx, Caller caller) {
        var command = MAPPER.toCommand(body.read(ctx, ReadingWithMeterRequest.class), caller, WriteParams.options(ctx), businessZone);
        ctx.json(ReadingAnswers.one(withMeter.create(command).outcome()));
    }
}
