package io.metering.application.port.in.batch;

import io.metering.application.model.FieldChange;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One item of a v2 batch (contract schema {@code BatchReading}). Which fields are required depends
 * on the operation and the identifiers; {@link BatchWriteCommand} checks that, naming the item.
 * An item that writes over a stored reading (update, or a create that matches one) replaces it,
 * except that the optional fields it leaves out ({@code kept}) keep their stored values: an ERP
 * correcting a value must not wipe the reading's external id or remark. A field sent explicitly,
 * {@code null} included (the contract marks {@code remark}, {@code read_by}, {@code reason} and
 * {@code status} nullable), is set; {@link #change} says which of the three an item does.
 *
 * @param operation create (default when null), update or delete
 * @param meterId the meter; required for create and update
 * @param counterId the counter, null to use the meter's only counter (or the matched reading's)
 * @param direction the direction, null to derive it (or keep the matched reading's)
 * @param timestamp the instant; null keeps the matched reading's, else means now (create only)
 * @param value the register value; required for create and update
 * @param source the source; required for create and update; ERP makes the item direct
 * @param reason why the reading was taken, may be null
 * @param readBy who read the meter, may be null
 * @param status status, may be null
 * @param externalId external id, may be null
 * @param remark remark, may be null
 * @param note note, may be null
 * @param unit unit, may be null
 * @param metadata string metadata, may be null
 * @param kept the optional fields the item leaves out, whose stored values it keeps; empty when it
 *     is a whole reading
 */
public record BatchItem(BatchOperation operation, MeterId meterId, CounterId counterId, Direction direction, Instant timestamp,
        BigDecimal value, ReadingSource source, ReadingReason reason, String readBy, ReadingStatus status, String externalId,
        String remark, String note, String unit, Map<String, String> metadata, Set<Field> kept) {
    /** The optional fields an item may leave out to keep a matched reading's values. */
    public enum Field { EXTERNAL_ID, REMARK, NOTE, READ_BY, REASON, UNIT, STATUS, METADATA }

    /** Defaults the operation to create and copies the metadata and the kept fields. */
    public BatchItem {
        operation = operation == null ? BatchOperation.CREATE : operation;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        kept = kept == null || kept.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kept));
    }

    /** A whole reading: no field omitted. */
    public BatchItem(BatchOperation operation, MeterId meterId, CounterId counterId, Direction direction, Instant timestamp,
            BigDecimal value, ReadingSource source, ReadingReason reason, String readBy, ReadingStatus status, String externalId,
            String remark, String note, String unit, Map<String, String> metadata) {
        this(operation, meterId, counterId, direction, timestamp, value, source, reason, readBy, status, externalId, remark,
                note, unit, metadata, Set.of());
    }

    /**
     * The item, keeping the stored values of the given optional fields. Static, so that mappers do
     * not take it for a property setter.
     */
    public static BatchItem keeping(BatchItem item, Set<Field> fields) {
        return new BatchItem(item.operation, item.meterId, item.counterId, item.direction, item.timestamp, item.value, item.source,
                item.reason, item.readBy, item.status, item.externalId, item.remark, item.note, item.unit, item.metadata, fields);
    }

    /**
     * What the item does to an optional field of the reading it writes over: keep it when left out,
     * else set it to the sent value, or clear it when that is null.
     *
     * @param sent the item's value of {@code field}
     */
    public <T> FieldChange<T> change(Field field, T sent) {
        return kept.contains(field) ? FieldChange.keep() : sent == null ? FieldChange.clear() : FieldChange.setOrKeep(sent);
    }

    /** A delete item that carries only identifier fields. */
    public static BatchItem delete(MeterId meterId, CounterId counterId, Direction direction, Instant timestamp,
            String externalId, Map<String, String> metadata) {
        return new BatchItem(BatchOperation.DELETE, meterId, counterId, direction, timestamp, null, null, null, null, null,
                externalId, null, null, null, metadata);
    }
}
