package io.metering.application.port.in.queue;

import io.metering.application.access.Caller;
import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.SortOrder;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;

/**
 * The organization's review queues for the back-office (this product's operations
 * listPendingChangesets and listImplausibleReadings; docs/console.md "Queues"): every pending
 * changeset and every implausible reading of the caller's organization, filtered and paged by an
 * opaque cursor. Admin only. Page, cursor and count come from one snapshot.
 */
public interface ReviewQueuesQuery {
    /** The count stops here: the navigation shows "1000+" rather than the store counting further. */
    int COUNT_CAP = 1000;

    /**
     * Pending changesets, oldest first (creation instant, then id).
     *
     * @param cursor {@link QueueWindow#nextCursor()} of the previous page, or null for the first
     * @param size page size, 0 for the count alone
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_parameter}: a cursor
     *     this queue did not give
     */
    QueueWindow<Changeset> pendingChangesets(Caller caller, ChangesetQueueFilter filter, String cursor, int size);

    /**
     * Implausible readings (status {@code implausible}) by timestamp, then counter id, then
     * direction, newest first for {@link SortOrder#DESC}.
     *
     * @param cursor {@link QueueWindow#nextCursor()} of the previous page, or null for the first
     * @param size page size, 0 for the count alone
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_parameter}: a cursor
     *     this queue did not give, or gave for the other {@code sort}
     */
    QueueWindow<Reading> implausibleReadings(Caller caller, ImplausibleQueueFilter filter, SortOrder sort, String cursor, int size);
}
