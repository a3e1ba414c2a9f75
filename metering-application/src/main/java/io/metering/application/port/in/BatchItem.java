package io.metering.application.port.in;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One item of a v2 batch (contract schema {@code BatchReading}). Which fields are required depends
 * on the operation and the identifiers; {@link BatchWriteCommand} checks that, naming the item.
 * Create and update items are whole readings: the stored reading they match is replaced by the
 * item's content, not merged with it.
 *
 * @param operation create (default when null), update or delete
 * @param meterId the meter; required for create and update
 * @param counterId the counter, null to use the meter's only counter (or the matched reading's)
 * @param direction the direction, null to derive it (or keep the matched reading's)
 * @param timestamp the instant; null keeps the matched reading's, else means now (create only)
 * @param value the register value; required for create and update
 * @param source the source; required for create and update; ERP makes the item direct
 * @param reason reason code, may be null
 * @param readBy who read the meter, may be null
 * @param status status, may be null
 * @param externalId external id, may be null
 * @param remark remark, may be null
 * @param note note, may be null
 * @param unit unit, may be null
 * @param metadata string metadata, may be null
 */
public record BatchItem(BatchOperation operation, MeterId meterId, CounterId counterId, Direction direction, Instant timestamp,
        BigDecimal value, ReadingSource source, String reason, String readBy, ReadingStatus status, String externalId,
        String remark, String note, String unit, Map<String, String> metadata) {
    /** Defaults the operation to create and copies the metadata. */
    public BatchItem {
        operation = operation == null ? BatchOperation.CREATE : operation;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A delete item that carries only identifier fields. */
    public static BatchItem delete(MeterId meterId, CounterId counterId, Direction direction, Instant timestamp,
            String externalId, Map<String, String> metadata) {
        return new BatchItem(BatchOperation.DELETE, meterId, counterId, direction, timestamp, null, null, null, null, null,
                externalId, null, null, null, metadata);
    }
}
