package io.metering.application.service.queue;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ChangesetRepository;
import java.util.Objects;
import io.metering.application.access.Caller;
import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.queue.QueueWindow;
import io.metering.application.port.in.queue.ReviewQueuesQuery;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;
import java.util.List;
import java.util.function.Function;

/**
 * The review queues (semantics on {@link ReviewQueuesQuery}). A page asks the store for one item
 * more than it shows, so whether a next page exists is known without counting; the count is capped
 * at {@link ReviewQueuesQuery#COUNT_CAP}, so it stays cheap however long a queue grows.
 */
public final class ReviewQueuesService implements ReviewQueuesQuery {
    private final Transactions transactions;
    private final ReadingSeriesQueries series;
    private final ChangesetRepository changesets;

    public ReviewQueuesService(Transactions transactions, ReadingSeriesQueries series, ChangesetRepository changesets) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.series = Objects.requireNonNull(series, "series");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
    }

    @Override
    public QueueWindow<Changeset> pendingChangesets(Caller caller, ChangesetQueueFilter filter, String cursor, int size) {
        caller.requireAdmin("listPendingChangesets");
        ChangesetQueuePosition after = cursor == null ? null : QueueCursors.changeset(cursor);
        return transactions.readOnly(() -> window(
                size == 0 ? List.of() : changesets.findPending(caller.org(), filter, after, size + 1), size,
                cs -> QueueCursors.of(new ChangesetQueuePosition(cs.createdAt(), cs.id())),
                changesets.countPending(caller.org(), filter, COUNT_CAP + 1)));
    }

    @Override
    public QueueWindow<Reading> implausibleReadings(Caller caller, ImplausibleQueueFilter filter, SortOrder sort, String cursor, int size) {
        caller.requireAdmin("listImplausibleReadings");
        ReadingQueuePosition after = cursor == null ? null : QueueCursors.reading(cursor, sort);
        return transactions.readOnly(() -> window(
                size == 0 ? List.of() : series.implausible(caller.org(), filter, sort, after, size + 1), size,
                r -> QueueCursors.of(new ReadingQueuePosition(r.timestamp(), r.counterId(), r.direction()), sort),
                series.countImplausible(caller.org(), filter, COUNT_CAP + 1)));
    }

    private static <T> QueueWindow<T> window(List<T> fetched, int size, Function<T, String> cursorOf, long counted) {
        boolean more = fetched.size() > size;
        List<T> page = more ? fetched.subList(0, size) : fetched;
        return new QueueWindow<>(page, more ? cursorOf.apply(page.get(page.size() - 1)) : null,
                Math.min(counted, COUNT_CAP), counted <= COUNT_CAP);
    }
}
