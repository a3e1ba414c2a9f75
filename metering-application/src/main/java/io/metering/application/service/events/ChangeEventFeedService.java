package io.metering.application.service.events;

import io.metering.application.access.Caller;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import io.metering.application.port.in.events.ChangeEventFeedQuery;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.application.port.out.Transactions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the feed on one snapshot, so the retention horizon and the events agree: a cursor below the
 * horizon is refused rather than silently continued past purged events (docs/events.md "Retention").
 */
public final class ChangeEventFeedService implements ChangeEventFeedQuery {
    private final Transactions transactions;
    private final ChangeEventStore events;

    /**
     * @param transactions the transaction boundary the store joins
     * @param events the outbox
     */
    public ChangeEventFeedService(Transactions transactions, ChangeEventStore events) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Optional<ChangeEventPage> read(Caller caller, Optional<EventPosition> after, int limit, Set<String> types) {
        caller.requireAdmin("the change event feed");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        return transactions.readOnly(() -> {
            after.filter(events::isAheadOfFeed).ifPresent(CursorAhead::refuse);
            if (after.isPresent() && events.purgedUpTo().filter(horizon -> after.get().isBefore(horizon)).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(events.read(caller.org(), after.orElse(EventPosition.START), limit, types));
        });
    }
}
