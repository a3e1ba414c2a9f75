package io.metering.application.port.in;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The body of updateMeterReading (contract schema {@code UpdateMeterReading}) without the fields
 * that address the reading ({@code meter_id}, {@code counter_id}, {@code direction} go into
 * {@link ReadingAddress}).
 *
 * <p>Optional fields left null keep the stored value, so a client correcting a value does not
 * wipe the reading's external id or metadata, unless they are named in {@code cleared}: sent as an
 * explicit JSON {@code null} (the contract marks {@code remark}, {@code read_by}, {@code reason} and
 * {@code status} nullable), which removes the stored value. {@code note} and {@code unit}, which
 * the update schema lacks, are always kept. A reading's direction never changes through an update.
 *
 * @param value the new register value (required, exact, not negative)
 * @param source the source of this write (required); ERP makes it a direct confirmation
 * @param timestamp the new instant, null to keep it; a different instant MOVES the reading
 * @param reason reason text (the contract's deprecated free-text {@code ReasonString}), null keeps
 * @param readBy who read the meter, null keeps
 * @param status status (admins only), null keeps
 * @param externalId external id, null keeps
 * @param remark remark, null keeps
 * @param metadata string metadata replacing the stored map, null keeps
 * @param cleared the optional fields, by JSON name ({@link #CLEARABLE}), sent as an explicit null
 */
public record ReadingChanges(BigDecimal value, ReadingSource source, Instant timestamp, String reason, String readBy,
        ReadingStatus status, String externalId, String remark, Map<String, String> metadata, Set<String> cleared) {
    /** The optional fields an explicit null removes, by JSON name. */
    public static final Set<String> CLEARABLE = Set.of("reason", "read_by", "status", "external_id", "remark", "metadata");

    /** Changes without explicit nulls: every null keeps. */
    public ReadingChanges(BigDecimal value, ReadingSource source, Instant timestamp, String reason, String readBy,
            ReadingStatus status, String externalId, String remark, Map<String, String> metadata) {
        this(value, source, timestamp, reason, readBy, status, externalId, remark, metadata, Set.of());
    }

    /** @throws InvalidRequestException {@code missing_params} if value or source is missing */
    public ReadingChanges {
        if (value == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "value is required");
        }
        if (source == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "source is required");
        }
        metadata = metadata == null ? null : Map.copyOf(metadata);
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    /**
     * The changes, with the given fields (names outside {@link #CLEARABLE} are ignored) sent as null.
     * Static, so that mappers do not take it for a property setter.
     */
    public static ReadingChanges clearing(ReadingChanges ch, Set<String> fields) {
        Set<String> c = new java.util.HashSet<>(fields);
        c.retainAll(CLEARABLE);
        return new ReadingChanges(ch.value, ch.source, ch.timestamp, ch.reason, ch.readBy, ch.status, ch.externalId, ch.remark,
                ch.metadata, c);
    }

    /** The sent value, else (null) the stored one unless the field was sent as an explicit null. */
    public <T> T merged(String field, T sent, T stored) {
        return sent != null || cleared.contains(field) ? sent : stored;
    }
}
