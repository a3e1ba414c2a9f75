package io.metering.application.port.in.batch;

import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.access.Caller;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.List;
import java.util.Objects;

/**
 * Upsert, update and delete readings in one all-or-nothing request (contract operation
 * batchWriteMeterReadings; docs/domain.md#batch-v2-and-prune). Admin only.
 *
 * @param caller who writes
 * @param items 1 to {@value #MAX_ITEMS} items
 * @param identifiers how items find the stored readings they address
 * @param options {@code skip_validation} and {@code direct} (null: defaults)
 */
public record BatchWriteCommand(Caller caller, List<BatchItem> items, ReadingIdentifiers identifiers, WriteOptions options) {
    /** The contract's limit of items per request. */
    public static final int MAX_ITEMS = RecordReadingsCommand.MAX_READINGS;

    /**
     * @throws InvalidRequestException {@code too_many_records} beyond {@value #MAX_ITEMS} items;
     *     {@code missing_params} for no items, a create/update item without meter_id, value or
     *     source, or an item without a field its identifiers need (naming {@code readings[i]})
     */
    public BatchWriteCommand {
        Objects.requireNonNull(caller, "caller");
        identifiers = identifiers == null ? ReadingIdentifiers.DEFAULT : identifiers;
        options = options == null ? WriteOptions.DEFAULT : options;
        if (items == null || items.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "readings must contain at least one reading");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidRequestException(RejectionReason.TOO_MANY_RECORDS,
                    items.size() + " readings sent; at most " + MAX_ITEMS + " per request");
        }
        items = List.copyOf(items);
        for (int i = 0; i < items.size(); i++) {
            check(i, items.get(i), identifiers);
        }
    }

    private static void check(int i, BatchItem item, ReadingIdentifiers ids) {
        boolean writes = item.operation() != BatchOperation.DELETE;
        if (writes) {
            require(i, item.meterId() != null, "meter_id");
            require(i, item.value() != null, "value");
            require(i, item.source() != null, "source");
        }
        // counter and direction can be derived from the meter (docs/domain.md#writing-readings)
        require(i, !ids.meterId() || item.meterId() != null, "meter_id (an identifier)");
        require(i, !ids.counterId() || item.counterId() != null || item.meterId() != null, "counter_id or meter_id (an identifier)");
        require(i, !ids.direction() || item.direction() != null || item.meterId() != null, "direction or meter_id (an identifier)");
        require(i, !ids.timestamp() || item.timestamp() != null || item.operation() == BatchOperation.CREATE,
                "timestamp (an identifier)");
        require(i, !ids.externalId() || item.externalId() != null, "external_id (an identifier)");
        for (String key : ids.metadataKeys()) {
            require(i, item.metadata().containsKey(key), "metadata." + key + " (an identifier)");
        }
    }

    private static void require(int i, boolean present, String field) {
        if (!present) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "readings[" + i + "]: " + field + " is required");
        }
    }
}
