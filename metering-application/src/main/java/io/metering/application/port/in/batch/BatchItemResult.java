package io.metering.application.port.in.batch;

import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;

/**
 * What one v2 batch item did.
 *
 * @param index the item's position in the request
 * @param operation the item's operation
 * @param kind written, deleted, or turned into a pending changeset
 * @param reading the stored reading (written) or the full deleted reading (deleted); null when pending
 * @param pending the new changeset when pending; else null
 */
public record BatchItemResult(int index, BatchOperation operation, Kind kind, Reading reading, Changeset pending) {
    /** The three outcomes of an item. */
    public enum Kind {
        /** The reading was inserted or replaced. */
        WRITTEN,
        /** The matched reading was deleted. */
        DELETED,
        /** A governed meter turned the write into a pending changeset (docs/domain.md#changesets). */
        PENDING
    }
}
