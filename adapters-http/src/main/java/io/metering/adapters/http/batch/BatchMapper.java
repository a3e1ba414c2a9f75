package io.metering.adapters.http.batch;

import io.metering.adapters.http.json.RequestFields;
import io.metering.application.access.Caller;
import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchOperation;
import io.metering.application.port.in.reading.PruneReadingsCommand;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingReason;
import java.time.ZoneId;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * The v2 batch and prune bodies to their commands. Every wrong field answers 400 naming it
 * ({@link RequestFields}); which fields an item needs is checked by
 * {@link io.metering.application.port.in.batch.BatchWriteCommand}.
 */
@Mapper(uses = RequestFields.class)
interface BatchMapper {
    /** The generated implementation. */
    BatchMapper INSTANCE = Mappers.getMapper(BatchMapper.class);

    /**
     * @param zone business zone for local date-times without offset
     * @throws InvalidRequestException for a malformed field
     */
    @Mapping(target = "reason", expression = "java(reason(request))")
    @Mapping(target = "metadata", qualifiedByName = "metadata")
    @Mapping(target = "kept", ignore = true)
    BatchItem toItem(BatchReadingRequest request, @Context ZoneId zone);

    /**
     * An {@code update} item corrects a stored reading, as updateMeterReading does, and takes what
     * that operation takes: any text (the contract's {@code ReasonString} there). Creates and deletes
     * take only the contract's {@code Reason} codes, refused as every create refuses other text
     * (docs/domain.md#reading).
     */
    default ReadingReason reason(BatchReadingRequest request) {
        return BatchOperation.UPDATE.code().equals(request.operation()) ? RequestFields.reasonText(request.reason())
                : RequestFields.reason(request.reason());
    }

    /**
     * @param caller who prunes
     * @param dryRun the {@code dry_run} query parameter
     * @throws InvalidRequestException for a malformed field; {@code missing_params} without meter
     *     or keep list, {@code too_many_records} beyond 10,000 keep ids
     */
    PruneReadingsCommand toCommand(PruneRequest request, Caller caller, boolean dryRun);

    /** {@code create} (also when absent), {@code update} or {@code delete}. */
    default BatchOperation operation(String code) {
        if (code == null) {
            return null;
        }
        return BatchOperation.fromCode(code).orElseThrow(() -> new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                "operation must be create, update or delete"));
    }
}
