package io.metering.adapters.http.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.json.JsonTrees;
import io.metering.adapters.http.json.WireCodes;
import io.metering.application.port.in.ReadingInput;
import io.metering.application.port.in.ReadingView;
import io.metering.application.port.in.ReadingsPage;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/**
 * Readings between their JSON form and the use cases: requests to {@link ReadingInput}, stored
 * readings and views to {@link ReadingResponse}. Every wrong field answers 400 naming it.
 */
@Mapper(uses = {WireCodes.class, ChangesetMapper.class})
public interface ReadingMapper {
    /** The generated implementation. */
    ReadingMapper INSTANCE = Mappers.getMapper(ReadingMapper.class);

    /**
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException for a malformed field
     */
    @Mapping(target = "reason", qualifiedByName = "reason")
    ReadingInput toInput(MeterReadingRequest request, @Context ZoneId zone);

    ReadingResponse toResponse(Reading reading);

    /** The view's shown value (register value or relative consumption) replaces the stored one. */
    @Mapping(target = ".", source = "reading")
    @Mapping(target = "value", source = "shownValue")
    ReadingResponse toResponse(ReadingView view);

    /** A changeset's proposal in reading form: what a governed write would store once applied. */
    @Mapping(target = "value", source = "proposed.value")
    @Mapping(target = "direction", source = "proposed.direction")
    @Mapping(target = "timestamp", source = "proposed.timestamp")
    @Mapping(target = "reason", source = "proposed.reason")
    @Mapping(target = "readBy", source = "proposed.readBy")
    @Mapping(target = "status", source = "proposed.status")
    @Mapping(target = "externalId", source = "proposed.externalId")
    @Mapping(target = "remark", source = "proposed.remark")
    @Mapping(target = "note", ignore = true)
    @Mapping(target = "unit", ignore = true)
    @Mapping(target = "metadata", ignore = true)
    ReadingResponse proposalOf(Changeset changeset);

    @Mapping(target = "firstRecordCreatedAt", source = "firstRecordAt")
    ReadingsPageResponse toResponse(ReadingsPage page);

    // ------------------------------------------------------------ field conversions (requests)

    default MeterId meterId(String text) {
        if (text == null) {
            return null;
        }
        return MeterId.parse(text.trim()).orElseThrow(() -> invalid("meter_id must be a UUID"));
    }

    default CounterId counterId(String text) {
        if (text == null) {
            return null;
        }
        return CounterId.parse(text.trim()).orElseThrow(() -> invalid("counter_id must be a UUID"));
    }

    default Direction direction(String code) {
        return code == null ? null : Direction.fromCode(code).orElseThrow(() -> invalid("direction must be feed-in or feed-out"));
    }

    default ReadingSource source(String code) {
        return code == null ? null
                : ReadingSource.fromCode(code).orElseThrow(() -> invalid("source must be one of ECP, ERP, 360, journey-submission"));
    }

    /** {@code ""} means no status, as in the contract's {@code ReadingStatus}. */
    default ReadingStatus status(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return ReadingStatus.fromCode(code).orElseThrow(() -> invalid("status must be one of valid, in-validation, implausible"));
    }

    /** The contract's {@code Reason} enum. */
    @Named("reason")
    default String reason(String reason) {
        if (reason != null && !ReadingReason.KNOWN.contains(reason)) {
            throw invalid("reason must be one of regular, irregular, last, first, meter_change, contract_change, "
                    + "meter_adjustment or empty");
        }
        return reason;
    }

    /** A date-only timestamp means 00:00 UTC of that day (DOMAIN.md "Values, instants, days"). */
    default Instant timestamp(String text, @Context ZoneId zone) {
        return text == null ? null : TimeInput.readingInstant(text, "timestamp", zone);
    }

    /** Only JSON numbers are register values; {@code "1250.5"} (a string) is refused. */
    default BigDecimal value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return JsonTrees.decimal(node, "value");
        }
        throw new InvalidRequestException(RejectionReason.INVALID_VALUE,
                node.isTextual() ? "value must be a JSON number, not a string" : "value must be a JSON number");
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_PARAMETER, message);
    }
}
