package io.metering.application.service.queue;

import io.metering.application.service.TestServices;

import io.metering.application.service.ServiceWorld;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.SortOrder;
import io.metering.application.port.in.queue.QueueWindow;
import io.metering.application.port.in.queue.ReviewQueuesQuery;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The review queues' service rules (docs/console.md "Queues"): pages by cursor until the last, which
 * has none; the count stops at 1000 and says so; admins only; a cursor of the other queue or of
 * nothing is refused.
 */
class ReviewQueuesServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final ReviewQueuesService queues = TestServices.queues(w.ctx);
    private final MeterId meter = MeterId.random();
    private final CounterId counter = CounterId.random();

    private void changesets(int n) {
        for (int i = 0; i < n; i++) {
            w.store.insert(new Changeset(ChangesetId.random(), ServiceWorld.ORG, meter, counter,
                    new ProposedReading(BigDecimal.valueOf(i), null, ServiceWorld.NOW, null, null, null, null, null), null,
                    new ReadingGovernance(EditMode.APPROVAL, null, null, null), ServiceWorld.NOW.minusSeconds(n - i), null, ReadingSource.ECP));
        }
    }

    @Test
    void pagesFollowEachOtherByCursorUntilTheLastHasNone() {
        changesets(5);
        List<Changeset> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            QueueWindow<Changeset> page = queues.pendingChangesets(w.admin, ChangesetQueueFilter.NONE, cursor, 2);
            seen.addAll(page.items());
            assertThat(page.count()).isEqualTo(5);
            assertThat(page.countExact()).isTrue();
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(cs -> cs.proposed().value().intValue()).containsExactly(0, 1, 2, 3, 4);
        assertThat(queues.pendingChangesets(w.admin, ChangesetQueueFilter.NONE, null, 5).nextCursor())
                .as("a page that holds the rest exactly is the last").isNull();
    }

    @Test
    void theCountStopsAtTheCapAndSaysSo() {
        changesets(ReviewQueuesQuery.COUNT_CAP + 1);

        QueueWindow<Changeset> countOnly = queues.pendingChangesets(w.admin, ChangesetQueueFilter.NONE, null, 0);

        assertThat(countOnly.items()).isEmpty();
        assertThat(countOnly.nextCursor()).isNull();
        assertThat(countOnly.count()).isEqualTo(ReviewQueuesQuery.COUNT_CAP);
        assertThat(countOnly.countExact()).isFalse();
    }

    @Test
    void implausibleReadingsComeNewestFirstAndTheirCursorIsNoChangesetCursor() {
        List<Reading> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new Reading(meter, counter, Direction.FEED_OUT, ServiceWorld.NOW.minusSeconds(3600L * (3 - i)), BigDecimal.valueOf(i),
                    ReadingSource.ERP, null, null, ReadingStatus.IMPLAUSIBLE, null, null, null, null, Map.of()));
        }
        w.store.insert(ServiceWorld.ORG, rows);

        QueueWindow<Reading> first = queues.implausibleReadings(w.admin, ImplausibleQueueFilter.NONE, SortOrder.DESC, null, 2);

        assertThat(first.items()).extracting(r -> r.value().intValue()).containsExactly(2, 1);
        assertThat(queues.implausibleReadings(w.admin, ImplausibleQueueFilter.NONE, SortOrder.DESC, first.nextCursor(), 2).items())
                .extracting(r -> r.value().intValue()).containsExactly(0);
        assertThatThrownBy(() -> queues.pendingChangesets(w.admin, ChangesetQueueFilter.NONE, first.nextCursor(), 2))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> queues.implausibleReadings(w.admin, ImplausibleQueueFilter.NONE, SortOrder.DESC, "%%%", 2))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(queues.implausibleReadings(w.otherOrgAdmin, ImplausibleQueueFilter.NONE, SortOrder.DESC, null, 2).items()).isEmpty();
    }

    @Test
    void portalUsersHaveNoQueues() {
        Caller portal = Caller.portal(ServiceWorld.ORG, "user", "contact-1", Set.of());

        assertThatThrownBy(() -> queues.pendingChangesets(portal, ChangesetQueueFilter.NONE, null, 10)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> queues.implausibleReadings(portal, ImplausibleQueueFilter.NONE, SortOrder.ASC, null, 10))
                .isInstanceOf(ForbiddenException.class);
    }
}
