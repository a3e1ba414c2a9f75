package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.error.ForbiddenException;

/**
 * The query options of the contract's write operations. Who may use which option is the use
 * cases' decision (a portal caller asking for {@code direct} or {@code skip_validation} gets 403
 * from there), so that one rule serves every entry point.
 */
public final class WriteParams {
    private WriteParams() {}

    /**
     * {@code skip_validation} and {@code direct}, both default false.
     *
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_parameter} for a value
     *     other than true or false
     */
    public static WriteOptions options(Context ctx) {
        return new WriteOptions(Params.bool(ctx, "skip_validation", false), Params.bool(ctx, "direct", false));
    }

    /**
     * {@code direct} only, for operations whose contract offers no {@code skip_validation}
     * (createMeterReading, createPortalMeterReadings). An admin's {@code skip_validation} is ignored
     * there, as the contract has it; a portal user asking for it gets 403, like everywhere else
     * (docs/domain.md#who-may-do-what), instead of silently keeping validation on.
     *
     * @throws ForbiddenException for a portal caller sending {@code skip_validation=true}
     */
    public static WriteOptions directOnly(Context ctx, Caller caller) {
        if (!caller.isAdmin() && Params.bool(ctx, "skip_validation", false)) {
            throw new ForbiddenException("portal users may not use skip_validation");
        }
        return new WriteOptions(false, Params.bool(ctx, "direct", false));
    }

    /**
     * Checks the options the contract's batch operations offer for epilot's asynchronous pipeline
     * and ticketing: {@code async} and {@code create_ticket} (booleans) and {@code activity_id} (any
     * text). They change nothing here: writes are visible to the next read at once (docs/domain.md
     * "Writing readings") and this service raises no tickets and keeps no activity feed. The booleans
     * are still read strictly, so that a typo answers 400 instead of passing unnoticed.
     */
    public static void acceptPipelineOptions(Context ctx) {
        Params.bool(ctx, "async", true);
        Params.bool(ctx, "create_ticket", true);
    }
}
