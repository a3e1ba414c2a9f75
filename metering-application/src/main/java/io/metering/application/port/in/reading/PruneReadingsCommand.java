package io.metering.application.port.in.reading;

import io.metering.application.access.Caller;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import java.util.List;
import java.util.Objects;

/**
 * Delete a meter's readings whose external id is not in a keep list (contract operation
 * pruneMeterReadings, schema {@code PruneMeterReadingsPayload}; docs/domain.md#batch-v2-and-prune).
 * Admin only.
 *
 * @param caller who prunes
 * @param meterId the meter (required)
 * @param counterId narrows the scope to one counter of the meter, may be null
 * @param source narrows the scope to one source, may be null
 * @param keepExternalIds external ids to keep (required, may be empty), at most
 *     {@value #MAX_KEEP_IDS} entries
 * @param dryRun count without deleting
 */
public record PruneReadingsCommand(Caller caller, MeterId meterId, CounterId counterId, ReadingSource source,
        List<String> keepExternalIds, boolean dryRun) {
    /** The contract's limit of the keep list. */
    public static final int MAX_KEEP_IDS = 10_000;

    /**
     * @throws InvalidRequestException {@code missing_params} without meter or keep list;
     *     {@code too_many_records} for more than {@value #MAX_KEEP_IDS} keep ids
     */
    public PruneReadingsCommand {
        Objects.requireNonNull(caller, "caller");
        if (meterId == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "meter_id is required");
        }
        if (keepExternalIds == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "keep_external_ids is required (it may be empty)");
        }
        if (keepExternalIds.size() > MAX_KEEP_IDS) {
            throw new InvalidRequestException(RejectionReason.TOO_MANY_RECORDS,
                    "keep_external_ids has " + keepExternalIds.size() + " entries; at most " + MAX_KEEP_IDS);
        }
        if (keepExternalIds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "keep_external_ids must hold strings");
        }
        keepExternalIds = List.copyOf(keepExternalIds);
    }
}
