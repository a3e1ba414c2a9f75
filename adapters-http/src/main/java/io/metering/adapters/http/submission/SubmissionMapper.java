package io.metering.adapters.http.submission;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.adapters.http.json.RequestFields;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.CreateReadingWithMeterCommand;
import io.metering.application.port.in.submission.SubmissionCounterReading;
import io.metering.application.port.in.submission.SubmissionMeterReading;
import io.metering.application.port.in.submission.SubmissionMeterType;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
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
 * Journey submissions and createReadingWithMeter bodies to their commands. Every wrong field
 * answers 400 naming it ({@link RequestFields}); meter and counter ids, which the contract types as
 * free strings here, answer 404 when they cannot name anything.
 */
@Mapper(uses = RequestFields.class)
interface SubmissionMapper {
    /** The generated implementation. */
    SubmissionMapper INSTANCE = Mappers.getMapper(SubmissionMapper.class);

    /**
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException for a malformed field
     * @throws io.metering.domain.error.NotFoundException for a meter or counter id that is not a UUID
     */
    @Mapping(target = "meterId", qualifiedByName = "knownMeterId")
    @Mapping(target = "reason", qualifiedByName = "reason")
    @Mapping(target = "readingDate", qualifiedByName = "readingDate")
    @Mapping(target = "readingValue", qualifiedByName = "readingValue")
    @Mapping(target = "feedInValue", qualifiedByName = "feedInValue")
    @Mapping(target = "feedOutValue", qualifiedByName = "feedOutValue")
    @Mapping(target = "htValue", qualifiedByName = "htValue")
    @Mapping(target = "ntValue", qualifiedByName = "ntValue")
    SubmissionMeterReading toMeterReading(SubmissionMeterReadingRequest request, @Context ZoneId zone);

    @Mapping(target = "counterId", qualifiedByName = "knownCounterId")
    SubmissionCounterReading toCounterReading(SubmissionMeterReadingRequest.CounterReading reading);

    /**
     * @param caller who writes
     * @param options {@code skip_validation} and {@code direct}
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException for a malformed field, {@code missing_params} without meter
     *     and MaLo id, OBIS number, value or source
     */
    @Mapping(target = "meterId", qualifiedByName = "knownMeterId")
    @Mapping(target = "reason", qualifiedByName = "reason")
    CreateReadingWithMeterCommand toCommand(ReadingWithMeterRequest request, Caller caller, WriteOptions options,
            @Context ZoneId zone);

    /** {@code one_tariff}, {@code two_tariff} or {@code bi_directional}. */
    default SubmissionMeterType meterType(String code) {
        if (code == null) {
            return null;
        }
        return SubmissionMeterType.fromCode(code).orElseThrow(() -> new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                "meterType must be one_tariff, two_tariff or bi_directional"));
    }

    /** A reading date is read like a reading timestamp. */
    @Named("readingDate")
    default Instant readingDate(String text, @Context ZoneId zone) {
        return text == null ? null : TimeInput.readingInstant(text, "readingDate", zone);
    }

    @Named("readingValue")
    default BigDecimal readingValue(JsonNode node) {
        return RequestFields.number(node, "readingValue");
    }

    @Named("feedInValue")
    default BigDecimal feedInValue(JsonNode node) {
        return RequestFields.number(node, "feedInValue");
    }

    @Named("feedOutValue")
    default BigDecimal feedOutValue(JsonNode node) {
        return RequestFields.number(node, "feedOutValue");
    }

    @Named("htValue")
    default BigDecimal htValue(JsonNode node) {
        return RequestFields.number(node, "htValue");
    }

    @Named("ntValue")
    default BigDecimal ntValue(JsonNode node) {
        return RequestFields.number(node, "ntValue");
    }
}
