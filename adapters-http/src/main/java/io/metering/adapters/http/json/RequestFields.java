package io.metering.adapters.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.Context;
import org.mapstruct.Named;

/**
 * Request body fields from their contract spelling to domain values, shared by the MapStruct
 * mappers ({@code uses}). Every wrong value answers 400 naming the field: {@code invalid_parameter}
 * for a wrong code or id, {@code invalid_value} for a value that is not a JSON number,
 * {@code invalid_timestamp} for an unreadable instant. null stays null; whether a field is
 * required is decided by the command it goes into.
 *
 * <p>Ids typed {@code EntityId} (format uuid) in the contract answer 400 when they are not UUIDs;
 * ids typed as free {@code Id} strings ({@code meterId} of a submission, {@code meter_id} of
 * createReadingWithMeter) answer 404 instead, like ids in a path: such a text is a valid id that
 * names no meter.
 */
public final class RequestFields {
    private RequestFields() {}

    /** A meter id typed uuid; 400 {@code invalid_parameter} when not a UUID. */
    public static MeterId meterId(String text) {
        if (text == null) {
            return null;
        }
        return MeterId.parse(text.trim()).orElseThrow(() -> invalid("meter_id must be a UUID"));
    }

    /** A meter id typed as any string; 404 when not a UUID, since no meter has such an id. */
    @Named("knownMeterId")
    public static MeterId knownMeterId(String text) {
        if (text == null) {
            return null;
        }
        return MeterId.parse(text.trim()).orElseThrow(() -> new NotFoundException("meter " + shown(text) + " not found"));
    }

    /** A counter id typed uuid; 400 {@code invalid_parameter} when not a UUID. */
    public static CounterId counterId(String text) {
        if (text == null) {
            return null;
        }
        return CounterId.parse(text.trim()).orElseThrow(() -> invalid("counter_id must be a UUID"));
    }

    /** A counter id typed as any string; 404 when not a UUID, since no counter has such an id. */
    @Named("knownCounterId")
    public static CounterId knownCounterId(String text) {
        if (text == null) {
            return null;
        }
        return CounterId.parse(text.trim()).orElseThrow(() -> new NotFoundException("counter " + shown(text) + " not found"));
    }

    /** {@code feed-in} or {@code feed-out}. */
    public static Direction direction(String code) {
        return code == null ? null : Direction.fromCode(code).orElseThrow(() -> invalid("direction must be feed-in or feed-out"));
    }

    /** {@code ht} or {@code nt}. */
    public static TariffType tariffType(String code) {
        return code == null ? null : TariffType.fromCode(code).orElseThrow(() -> invalid("tariff_type must be ht or nt"));
    }

    /** The contract's {@code Source}. */
    public static ReadingSource source(String code) {
        return code == null ? null
                : ReadingSource.fromCode(code).orElseThrow(() -> invalid("source must be one of ECP, ERP, 360, journey-submission"));
    }

    /** {@code ""} means no status, as in the contract's {@code ReadingStatus}. */
    public static ReadingStatus status(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return ReadingStatus.fromCode(code).orElseThrow(() -> invalid("status must be one of valid, in-validation, implausible"));
    }

    /** The contract's {@code Reason} enum (empty allowed). */
    @Named("reason")
    public static ReadingReason reason(String reason) {
        ReadingReason r = ReadingReason.of(reason);
        if (r != null && !r.isKnown()) {
            throw invalid("reason must be one of regular, irregular, last, first, meter_change, contract_change, "
                    + "meter_adjustment or empty");
        }
        return r;
    }

    /** A reason where the contract takes free text ({@code ReasonString}); null stays null. */
    public static ReadingReason reasonText(String text) {
        return ReadingReason.of(text);
    }

    /**
     * String metadata as sent; a null value is refused rather than stored as a missing key.
     *
     * @throws InvalidRequestException {@code invalid_parameter} naming the key of a null value
     */
    @Named("metadata")
    public static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata == null) {
            return null;
        }
        metadata.forEach((k, v) -> {
            if (v == null) {
                throw invalid("metadata." + shown(k) + " must be a string, not null");
            }
        });
        return new LinkedHashMap<>(metadata);
    }

    /** A date-only timestamp means 00:00 UTC of that day (docs/domain.md#values-instants-days). */
    public static Instant timestamp(String text, @Context ZoneId zone) {
        return text == null ? null : TimeInput.readingInstant(text, "timestamp", zone);
    }

    /** Only JSON numbers are register values; {@code "1250.5"} (a string) is refused. */
    public static BigDecimal value(JsonNode node) {
        return number(node, "value");
    }

    /**
     * A JSON number as an exact decimal.
     *
     * @param field the field's name, for the message
     * @return the decimal, null for an absent or null node
     * @throws InvalidRequestException {@code invalid_value} for anything but a number of supported size
     */
    public static BigDecimal number(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return JsonTrees.decimal(node, field);
        }
        throw new InvalidRequestException(RejectionReason.INVALID_VALUE,
                node.isTextual() ? field + " must be a JSON number, not a string" : field + " must be a JSON number");
    }

    private static String shown(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_PARAMETER, message);
    }
}
