package io.metering.application.service.reading;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.PruneReadingsCommand;
import io.metering.application.port.in.reading.PruneResult;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneReadingsServiceTest {
    private final ServiceWorld w = new ServiceWorld();
    private final PruneReadingsService service = TestServices.pruneReadingsService(w.ctx);
    private final Meter meter = w.meter();
    private final Counter a = w.feedOutCounter(meter);
    private final Counter b = w.feedOutCounter(meter);

    private void store(Counter c, String day, ReadingSource source, String externalId) {
        w.stored(new Reading(c.meterId(), c.id(), Direction.FEED_OUT, at("2024-01-" + day + "T00:00:00Z"), dec(day), source, null,
                null, null, externalId, null, null, null, null));
    }

    private PruneResult prune(CounterId counter, ReadingSource source, List<String> keep, boolean dryRun) {
        return service.prune(new PruneReadingsCommand(w.admin, meter.id(), counter, source, keep, dryRun));
    }

    /** Counter a: 3 ERP readings (e1, e2, none), 1 app reading (x1); counter b: 2 ERP readings (e3, none). */
    private void seed() {
        store(a, "01", ReadingSource.ERP, "e1");
        store(a, "02", ReadingSource.ERP, "e2");
        store(a, "03", ReadingSource.ERP, null);
        store(a, "04", ReadingSource.APP_360, "x1");
        store(b, "01", ReadingSource.ERP, "e3");
        store(b, "02", ReadingSource.ERP, null);
    }

    @Test
    void withoutSourceReadingsWithoutExternalIdAreKept() {
        seed();

        PruneResult result = prune(null, null, List.of("e1"), false);

        assertThat(result).isEqualTo(new PruneResult(3, 3, false));
        assertThat(w.readings(a)).extracting(Reading::externalId).containsExactly("e1", null);
        assertThat(w.readings(b)).extracting(Reading::externalId).containsExactly((String) null);
    }

    @Test
    void withSourceOnlyThatSourceIsInScopeAndReadingsWithoutExternalIdGo() {
        seed();

        PruneResult result = prune(null, ReadingSource.ERP, List.of("e2"), false);

        assertThat(result).isEqualTo(new PruneResult(4, 1, false));
        assertThat(w.readings(a)).extracting(Reading::externalId).containsExactly("e2", "x1");
        assertThat(w.readings(b)).isEmpty();
    }

    @Test
    void aCounterNarrowsTheScope() {
        seed();

        PruneResult result = prune(b.id(), ReadingSource.ERP, List.of(), false);

        assertThat(result).isEqualTo(new PruneResult(2, 0, false));
        assertThat(w.readings(a)).hasSize(4);
        assertThat(w.readings(b)).isEmpty();
    }

    @Test
    void aDryRunCountsWhatARealRunDeletesWithoutDeleting() {
        seed();

        PruneResult dry = prune(a.id(), ReadingSource.ERP, List.of("e1"), true);
        assertThat(w.readings(a)).hasSize(4);
        PruneResult real = prune(a.id(), ReadingSource.ERP, List.of("e1"), false);

        assertThat(dry.dryRun()).isTrue();
        assertThat(real.dryRun()).isFalse();
        assertThat(dry.deletedCount()).isEqualTo(real.deletedCount()).isEqualTo(2);
        assertThat(dry.keptCount()).isEqualTo(real.keptCount()).isEqualTo(1);
        assertThat(w.readings(a)).hasSize(2);
    }

    @Test
    void anUnknownMeterOrAForeignCounterIsNotFound() {
        Counter elsewhere = w.feedOutCounter(w.meter());
        assertThatThrownBy(() -> service.prune(new PruneReadingsCommand(w.admin, MeterId.random(), null, null, List.of(), false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> prune(elsewhere.id(), null, List.of(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.prune(new PruneReadingsCommand(Caller.admin(ServiceWorld.OTHER_ORG, "x"), meter.id(), null,
                null, List.of(), false))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theKeepListIsRequiredAndLimited() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(10_001, "id"));
        assertThatThrownBy(() -> prune(null, null, tooMany, false))
                .isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(RejectionReason.TOO_MANY_RECORDS);
        assertThatThrownBy(() -> prune(null, null, null, false))
                .isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(RejectionReason.MISSING_PARAMS);
        assertThatThrownBy(() -> prune(null, null, Arrays.asList("a", null), false))
                .isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(RejectionReason.INVALID_PARAMETER);
        assertThat(prune(null, null, new ArrayList<>(Collections.nCopies(10_000, "id")), true).deletedCount()).isZero();
    }

    @Test
    void portalUsersMayNotPrune() {
        assertThatThrownBy(() -> service.prune(new PruneReadingsCommand(w.portal, meter.id(), null, null, List.of(), true)))
                .isInstanceOf(ForbiddenException.class);
    }
}
