package io.metering.application.port.in.reading;

import io.metering.application.model.FieldChange;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The content of updateMeterReading (contract schema {@code UpdateMeterReading}) without the fields
 * that address the reading ({@code meter_id}, {@code counter_id}, {@code direction} go into
 * {@link ReadingAddress}).
 *
 * <p>Each optional field says whether it keeps, clears or sets the stored value, so a client
 * correcting a value does not wipe the reading's external id or metadata. {@code note} and
 * {@code unit}, which the update schema lacks, are always kept. A reading's direction never changes
 * through an update.
 *
 * @param value the new register value (required, exact, not negative)
 * @param source the source of this write (required); ERP makes it a direct confirmation
 * @param timestamp the new instant, null to keep it; a different instant MOVES the reading
 * @param reason why the reading was taken: a code or free text (the contract's deprecated {@code ReasonString})
 * @param readBy who read the meter
 * @param status status (admins only)
 * @param externalId external id
 * @param remark remark
 * @param metadata string metadata replacing the stored map
 */
public record ReadingChanges(BigDecimal value, ReadingSource source, Instant timestamp, FieldChange<ReadingReason> reason,
        FieldChange<String> readBy, FieldChange<ReadingStatus> status, FieldChange<String> externalId, FieldChange<String> remark,
        FieldChange<Map<String, String>> metadata) {
    /**
     * @throws InvalidRequestException {@code missing_params} if value or source is missing
     * @throws NullPointerException if a field change is null (use {@link FieldChange#keep()})
     */
    public ReadingChanges {
        if (value == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "value is required");
        }
        if (source == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "source is required");
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(readBy, "readBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(remark, "remark");
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.value() != null) {
            metadata = FieldChange.setOrKeep(Map.copyOf(metadata.value()));
        }
    }

    /** Changes that set the given optional fields and keep the stored value of every null one. */
    public static ReadingChanges setting(BigDecimal value, ReadingSource source, Instant timestamp, ReadingReason reason, String readBy,
            ReadingStatus status, String externalId, String remark, Map<String, String> metadata) {
        return new ReadingChanges(value, source, timestamp, FieldChange.setOrKeep(reason), FieldChange.setOrKeep(readBy),
                FieldChange.setOrKeep(status), FieldChange.setOrKeep(externalId), FieldChange.setOrKeep(remark),
                FieldChange.setOrKeep(metadata));
    }
}
