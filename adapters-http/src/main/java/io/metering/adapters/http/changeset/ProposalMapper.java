package io.metering.adapters.http.changeset;

import io.metering.adapters.http.json.RequestFields;
import io.metering.application.port.in.changeset.ProposalChanges;
import io.metering.domain.error.InvalidRequestException;
import java.time.ZoneId;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/**
 * The {@code proposed} body of updateReadingChangeset to {@link ProposalChanges}. {@code reason} is
 * free text here, as the contract types it, since proposals also come from updateMeterReading,
 * whose reason is free text.
 */
@Mapper(uses = RequestFields.class)
interface ProposalMapper {
    /** The generated implementation. */
    ProposalMapper INSTANCE = Mappers.getMapper(ProposalMapper.class);

    /**
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException naming a malformed field; {@code negative_value} for a value
     *     below zero
     */
    ProposalChanges toChanges(ProposedReadingRequest proposed, @Context ZoneId zone);
}
