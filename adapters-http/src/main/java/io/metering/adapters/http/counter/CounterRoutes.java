package io.metering.adapters.http.counter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.UseCases;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The contract's counter reads: getMeterCounters ({@code ?meter_id=}) and getCounterDetails. Marked
 * PortalAuth in the contract; admins are admitted too. Both take this product's optional
 * {@code forecast_date} for {@code forecast_reading_value} / {@code forecast_as_of} (default today).
 *
 * @param useCases the use cases
 * @param guard authentication and admission
 */
public record CounterRoutes(UseCases useCases, Guard guard) {
    /** Path of getMeterCounters. */
    public static final String COUNTERS = "/v1/metering/counter";
    /** Path of getCounterDetails. */
    public static final String COUNTER = "/v1/metering/counter/{counter_id}";
    /** Query parameter of both routes: the date to forecast the register at. */
    public static final String FORECAST_DATE = "forecast_date";

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(COUNTERS, guard.require(Access.ADMIN_OR_PORTAL, this::counters));
        routes.get(COUNTER, guard.require(Access.ADMIN_OR_PORTAL, this::counter));
    }

    /** {@code {data: [counter]}}; {@code meter_id} is required (400 {@code missing_params}). */
    private void counters(Context ctx, Caller caller) {
        var meterId = Params.meterId(Params.requiredText(ctx, "meter_id"));
        LocalDate forecastDate = forecastDate(ctx);
        ctx.json(new Envelope.Data(useCases.viewMeters().counters(caller, meterId, forecastDate).stream()
                .map(CounterJson::counter).toList()));
    }

    /** {@code {data: counter}}. */
    private void counter(Context ctx, Caller caller) {
        var counterId = Params.counterId(ctx.pathParam("counter_id"));
        var view = useCases.viewMeters().counter(caller, counterId, forecastDate(ctx));
        ctx.json(new Envelope.Data(CounterJson.counter(view)));
    }

    /**
     * This product's {@code forecast_date=YYYY-MM-DD} (years 1900-9999): the date of
     * {@code forecast_reading_value}; absent means today in the business time zone.
     */
    private static LocalDate forecastDate(Context ctx) {
        String text = Params.text(ctx, FORECAST_DATE);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            if (date.getYear() >= 1900 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                FORECAST_DATE + " must be a date YYYY-MM-DD in the years 1900-9999, not '" + Params.shown(text) + "'");
    }
}
