package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.metering.application.model.SortOrder;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Strict reading of path and query parameters. A malformed value answers 400
 * {@code invalid_parameter}, never a default in disguise. An id that is not a UUID names no meter or
 * counter, so it answers 404 like any unknown id.
 */
public final class Params {
    private static final int MAX_SHOWN = 64;

    private Params() {}

    /**
     * A boolean query parameter: {@code true} or {@code false} (any case).
     *
     * @param fallback the value when the parameter is absent
     */
    public static boolean bool(Context ctx, String name, boolean fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name + " must be true or false, not '" + shown(v) + "'");
        };
    }

    /**
     * A whole-number query parameter ({@code 20} or {@code 20.0}).
     *
     * @param fallback the value when the parameter is absent
     * @param min smallest allowed value
     * @param max largest allowed value
     */
    public static long integer(Context ctx, String name, long fallback, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            BigDecimal d = new BigDecimal(v.trim());
            n = d.stripTrailingZeros().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(name + " must be a whole number, not '" + shown(v) + "'");
        }
        if (n < min || n > max) {
            throw invalid(name + " must be between " + min + " and " + max);
        }
        return n;
    }

    /**
     * A query parameter taking one of a fixed set of codes.
     *
     * @param lookup code to value
     * @param allowed the allowed codes, for the message
     * @param fallback the value when the parameter is absent
     */
    public static <E> E code(Context ctx, String name, Function<String, Optional<E>> lookup, String allowed, E fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        return lookup.apply(v.trim()).orElseThrow(() -> invalid(name + " must be one of " + allowed + ", not '" + shown(v) + "'"));
    }

    /** The {@code sort} query parameter: {@code asc} or {@code desc}. */
    public static SortOrder sort(Context ctx, SortOrder fallback) {
        return code(ctx, "sort", c -> switch (c) {
            case "asc" -> Optional.of(SortOrder.ASC);
            case "desc" -> Optional.of(SortOrder.DESC);
            default -> Optional.<SortOrder>empty();
        }, "asc, desc", fallback);
    }

    /** An optional text query parameter; blank counts as absent. */
    public static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * A required text query parameter.
     *
     * @throws InvalidRequestException {@code missing_params} when absent or blank
     */
    public static String requiredText(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + " is required");
        }
        return v;
    }

    /**
     * An instant query parameter read like a reading timestamp (docs/domain.md#values-instants-days):
     * a date means 00:00 UTC of that day, a local date-time is read in the business zone.
     *
     * @return the instant, or null when the parameter is absent or blank
     * @throws InvalidRequestException {@code invalid_timestamp} for an unreadable value
     */
    public static Instant instant(Context ctx, String name, ZoneId businessZone) {
        String v = text(ctx, name);
        return v == null ? null : TimeInput.readingInstant(v, name, businessZone);
    }

    /**
     * A bound of a period asked for by a query parameter, read as the list and consumption
     * endpoints read {@code start_date}/{@code end_date} (docs/domain.md#business-days): a date
     * starts at 00:00 of the business zone, and as an upper bound includes that whole day, so it
     * ends (exclusively) at the next midnight there; a date-time is exact.
     *
     * @param upper whether the parameter is the period's (exclusive) end
     * @return the instant, or null when the parameter is absent or blank
     * @throws InvalidRequestException {@code invalid_timestamp} for an unreadable value
     */
    public static Instant periodBound(Context ctx, String name, ZoneId businessZone, boolean upper) {
        String v = text(ctx, name);
        return v == null ? null : periodBound(TimeInput.parse(v, name, businessZone), businessZone, upper);
    }

    /**
     * A period filter of a list: {@code from} is {@link #periodBound} of the start, {@code before}
     * of the end (each null when absent).
     */
    public record Period(Instant from, Instant before) {}

    /**
     * The period of two query parameters, read as {@link #periodBound(Context, String, ZoneId, boolean)}
     * reads each, refused like getReadingsByInterval's when its start lies after its end.
     *
     * @param endWholeDay whether a date as the end includes that day ({@code end_date}); else the
     *     end is a bound before which items lie ({@code created_before})
     * @throws InvalidRequestException {@code invalid_parameter} when the start lies after the end
     */
    public static Period period(Context ctx, String startName, String endName, ZoneId businessZone, boolean endWholeDay) {
        String start = text(ctx, startName);
        String end = text(ctx, endName);
        TimeInput endInput = end == null ? null : TimeInput.parse(end, endName, businessZone);
        Instant from = start == null ? null : periodBound(TimeInput.parse(start, startName, businessZone), businessZone, false);
        Instant before = endInput == null ? null : periodBound(endInput, businessZone, endWholeDay);
        // a whole day as the end: the start may lie anywhere before the next day's 00:00
        boolean reversed = from != null && before != null
                && (endWholeDay && endInput instanceof TimeInput.DateOnly ? !from.isBefore(before) : from.isAfter(before));
        if (reversed) {
            throw invalid(startName + " must not be after " + endName + " (" + shown(start) + " is after " + shown(end) + ")");
        }
        return new Period(from, before);
    }

    /** {@link #periodBound(Context, String, ZoneId, boolean)} of a parsed input. */
    public static Instant periodBound(TimeInput t, ZoneId businessZone, boolean upper) {
        if (t instanceof TimeInput.DateOnly d) {
            return (upper ? d.date().plusDays(1) : d.date()).atStartOfDay(businessZone).toInstant();
        }
        return ((TimeInput.Exact) t).instant();
    }

    /**
     * A required instant query parameter, read as {@link #instant}.
     *
     * @throws InvalidRequestException {@code missing_params} when absent, {@code invalid_timestamp}
     *     for an unreadable value
     */
    public static Instant requiredInstant(Context ctx, String name, ZoneId businessZone) {
        return TimeInput.readingInstant(requiredText(ctx, name), name, businessZone);
    }

    /** A meter id; 404 when the text is not a UUID. */
    public static MeterId meterId(String text) {
        return MeterId.parse(text).orElseThrow(() -> new NotFoundException("meter " + shown(text) + " not found"));
    }

    /** A counter id; 404 when the text is not a UUID. */
    public static CounterId counterId(String text) {
        return CounterId.parse(text).orElseThrow(() -> new NotFoundException("counter " + shown(text) + " not found"));
    }

    /** Client text cut to a length fit for messages. */
    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_PARAMETER, message);
    }
}
