package io.metering.application.port.in.submission;

import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.access.Caller;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Store the meter readings of a journey submission (contract operation
 * createMeterReadingFromSubmission). Admin only (the journey automation calls it).
 *
 * @param caller who writes
 * @param orgId the payload's {@code org_id}, may be null; must be the caller's organization
 * @param entityOrg the payload's {@code entity._org}, may be null; must be the caller's organization
 * @param meterReadings {@code entity.meterReadings}; null entries are allowed (the contract's items
 *     are nullable) and skipped, keeping their positions for messages
 * @param options {@code skip_validation} and {@code direct} (null: defaults)
 */
public record SubmissionReadingsCommand(Caller caller, String orgId, String entityOrg, List<SubmissionMeterReading> meterReadings,
        WriteOptions options) {
    /** Copies the list, keeping null entries. */
    public SubmissionReadingsCommand {
        Objects.requireNonNull(caller, "caller");
        meterReadings = meterReadings == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(meterReadings));
        options = options == null ? WriteOptions.DEFAULT : options;
    }
}
