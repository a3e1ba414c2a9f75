package io.metering.adapters.http.reading;

import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.json.RequestFields;
import io.metering.adapters.http.json.WireCodes;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.reading.Reading;
import java.time.ZoneId;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * Readings between their JSON form and the use cases: requests to {@link ReadingInput} and
 * the fields of an update ({@link UpdateFields}), stored readings and views to {@link ReadingResponse}. Every wrong field
 * answers 400 naming it ({@link RequestFields}).
 */
@Mapper(uses = {WireCodes.class, RequestFields.class, ChangesetMapper.class})
public interface ReadingMapper {
    /** The generated implementation. */
    ReadingMapper INSTANCE = Mappers.getMapper(ReadingMapper.class);

    /**
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException for a malformed field
     */
    @Mapping(target = "reason", qualifiedByName = "reason")
    @Mapping(target = "metadata", qualifiedByName = "metadata")
    ReadingInput toInput(MeterReadingRequest request, @Context ZoneId zone);

    /**
     * The content of updateMeterReading. {@code meter_id}, {@code counter_id} and
     * {@code direction} address the reading and are checked by the route, not changed.
     *
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException for a malformed field, {@code missing_params} without value
     *     or source
     */
    @Mapping(target = "metadata", qualifiedByName = "metadata")
    UpdateFields toChanges(UpdateMeterReadingRequest request, @Context ZoneId zone);

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
}
