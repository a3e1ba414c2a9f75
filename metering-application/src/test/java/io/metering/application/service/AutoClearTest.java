package io.metering.application.service;

import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.reading.CreateReadingWithMeterService;
import io.metering.application.service.reading.UpdateReadingService;
import io.metering.application.service.submission.SubmissionReadingsService;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchItemResult;
import io.metering.application.port.in.batch.BatchWriteCommand;
import io.metering.application.port.in.reading.CreateReadingWithMeterCommand;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.submission.SubmissionMeterReading;
import io.metering.application.port.in.submission.SubmissionReadingsCommand;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A direct write ({@code direct=true} or source ERP) that confirms a pending changeset clears it,
 * from every write use case (docs/domain.md#changesets); matching is exact or fuzzy, with exact,
 * same-day or within-seconds timestamp tolerance.
 */
class AutoClearTest {
    private final ServiceWorld w = new ServiceWorld();
    private final BatchWriteReadingsService batch = TestServices.batchWriteReadingsService(w.ctx, PlausibilityProvider.NONE);

    private Meter meter(MatchStrategy strategy, FuzzyConfig fuzzy, TimestampTolerance tolerance) {
        return w.governedMeter(strategy, fuzzy, tolerance);
    }

    /** Writes one reading with a v2 batch and tells whether the pending changeset was cleared. */
    private boolean batchClears(Meter m, Counter c, String proposedAt, String proposed, String writtenAt, String written,
            ReadingSource source, boolean direct) {
        w.pendingChangeset(m, c, proposedAt, proposed);
        List<BatchItemResult> result = batch.write(new BatchWriteCommand(w.admin, List.of(new BatchItem(null, m.id(), c.id(), null,
                at(writtenAt), dec(written), source, null, null, null, null, null, null, null, null)), null,
                new WriteOptions(false, direct))).items();
        boolean cleared = w.changesets(c).stream().noneMatch(cs -> cs.proposed().timestamp().equals(at(proposedAt))
                && cs.proposed().value().compareTo(dec(proposed)) == 0);
        // whatever the match, a confirmed write is stored
        assertThat(result.get(0).kind()).isEqualTo(BatchItemResult.Kind.WRITTEN);
        return cleared;
    }

    @Test
    void exactMatchingNeedsTheSameValueAndInstant() {
        Meter m = meter(MatchStrategy.EXACT, null, new TimestampTolerance.Exact());
        Counter c = w.feedOutCounter(m);

        assertThat(batchClears(m, c, "2024-02-01T10:00:00Z", "150", "2024-02-01T10:00:00Z", "150.000", ReadingSource.ERP, false)).isTrue();
        assertThat(batchClears(m, c, "2024-03-01T10:00:00Z", "200", "2024-03-01T10:00:00Z", "200.001", ReadingSource.ERP, false)).isFalse();
        assertThat(batchClears(m, c, "2024-04-01T10:00:00Z", "300", "2024-04-01T10:00:00.001Z", "300", ReadingSource.ERP, false)).isFalse();
    }

    @Test
    void onlyDirectWritesClear() {
        Meter m = meter(MatchStrategy.EXACT, null, new TimestampTolerance.Exact());
        Counter c = w.feedOutCounter(m);
        w.pendingChangeset(m, c, "2024-02-01T10:00:00Z", "150");

        // source 360 without direct is itself intercepted and confirms nothing
        batch.write(new BatchWriteCommand(w.admin, List.of(new BatchItem(null, m.id(), c.id(), null, at("2024-02-01T10:00:00Z"),
                dec("150"), ReadingSource.APP_360, null, null, null, null, null, null, null, null)), null, null));
        assertThat(w.changesets(c)).hasSize(2);

        // direct=true confirms with any source, and clears both matching proposals
        assertThat(batchClears(m, c, "2024-02-01T10:00:00Z", "150", "2024-02-01T10:00:00Z", "150", ReadingSource.APP_360, true)).isTrue();
        assertThat(w.changesets(c)).isEmpty();
    }

    @Test
    void fuzzyMatchingByPercentageAndByAbsoluteThreshold() {
        Meter byDefault = meter(MatchStrategy.FUZZY, null, new TimestampTolerance.Exact());
        Counter c1 = w.feedOutCounter(byDefault);
        // the contract's default: 1 % of the proposed value
        assertThat(batchClears(byDefault, c1, "2024-02-01T00:00:00Z", "1000", "2024-02-01T00:00:00Z", "1010", ReadingSource.ERP, false)).isTrue();
        assertThat(batchClears(byDefault, c1, "2024-03-01T00:00:00Z", "2000", "2024-03-01T00:00:00Z", "2020.01", ReadingSource.ERP, false))
                .isFalse();

        Meter absolute = meter(MatchStrategy.FUZZY, new FuzzyConfig(BigDecimal.ZERO, new BigDecimal("2")), new TimestampTolerance.Exact());
        Counter c2 = w.feedOutCounter(absolute);
        assertThat(batchClears(absolute, c2, "2024-02-01T00:00:00Z", "1000", "2024-02-01T00:00:00Z", "998", ReadingSource.ERP, false)).isTrue();
        assertThat(batchClears(absolute, c2, "2024-03-01T00:00:00Z", "1000", "2024-03-01T00:00:00Z", "1002.5", ReadingSource.ERP, false))
                .isFalse();
    }

    @Test
    void withinSecondsTolerance() {
        Meter m = meter(MatchStrategy.EXACT, null, new TimestampTolerance.WithinSeconds(60));
        Counter c = w.feedOutCounter(m);

        assertThat(batchClears(m, c, "2024-02-01T10:00:00Z", "150", "2024-02-01T10:01:00Z", "150", ReadingSource.ERP, false)).isTrue();
        assertThat(batchClears(m, c, "2024-03-01T10:00:00Z", "250", "2024-03-01T09:58:59.999Z", "250", ReadingSource.ERP, false)).isFalse();
    }

    @Test
    void sameDayToleranceCountsDaysInTheGivenZoneNearMidnight() {
        Meter berlin = meter(MatchStrategy.EXACT, null, new TimestampTolerance.SameDay(ServiceWorld.BERLIN));
        Counter c = w.feedOutCounter(berlin);
        // 23:30Z and 00:10Z are Feb 2, 00:30 and 01:10 in Berlin: the same day there, not in UTC
        assertThat(batchClears(berlin, c, "2024-02-01T23:30:00Z", "150", "2024-02-02T00:10:00Z", "150", ReadingSource.ERP, false)).isTrue();
        // 22:30Z and 23:30Z are the same UTC day but Feb 1, 23:30 and Feb 2, 00:30 in Berlin
        assertThat(batchClears(berlin, c, "2024-03-01T22:30:00Z", "250", "2024-03-01T23:30:00Z", "250", ReadingSource.ERP, false)).isFalse();

        Meter utc = meter(MatchStrategy.EXACT, null, new TimestampTolerance.SameDay(ZoneOffset.UTC));
        Counter u = w.feedOutCounter(utc);
        assertThat(batchClears(utc, u, "2024-02-01T23:30:00Z", "150", "2024-02-02T00:10:00Z", "150", ReadingSource.ERP, false)).isFalse();
        assertThat(batchClears(utc, u, "2024-03-01T22:30:00Z", "250", "2024-03-01T23:30:00Z", "250", ReadingSource.ERP, false)).isTrue();
    }

    @Test
    void createReadingWithMeterClearsWhenTheSourceIsErp() {
        Meter m = meter(MatchStrategy.FUZZY, null, TimestampTolerance.SameDay.utc());
        Counter c = w.counter(m, b -> b.obisNumber("1-0:1.8.0"));
        w.pendingChangeset(m, c, "2024-02-01T08:00:00Z", "1000");
        CreateReadingWithMeterService service = TestServices.createReadingWithMeterService(w.ctx, PlausibilityProvider.NONE);

        service.create(new CreateReadingWithMeterCommand(w.admin, m.id(), null, "1-0:1.8.0", null, null, null, dec("1005"), null,
                null, at("2024-02-01T17:00:00Z"), ReadingSource.ERP, null));

        assertThat(w.changesets(c)).isEmpty();
        assertThat(w.values(c)).containsExactly("1005");
    }

    @Test
    void aDirectSubmissionClearsAndANonDirectOneProposes() {
        Meter m = meter(MatchStrategy.EXACT, null, new TimestampTolerance.Exact());
        Counter c = w.feedOutCounter(m);
        w.pendingChangeset(m, c, "2024-02-01T08:00:00Z", "1000");
        SubmissionReadingsService service = TestServices.submissionReadingsService(w.ctx, PlausibilityProvider.NONE);
        SubmissionMeterReading entry = new SubmissionMeterReading(m.id(), null, dec("1000"), at("2024-02-01T08:00:00Z"), null, null,
                null, null, null, null, null, null, null, null);

        service.record(new SubmissionReadingsCommand(w.admin, null, null, List.of(entry), null));
        assertThat(w.changesets(c)).hasSize(2);

        service.record(new SubmissionReadingsCommand(w.admin, null, null, List.of(entry), new WriteOptions(false, true)));
        assertThat(w.changesets(c)).isEmpty();
        assertThat(w.values(c)).containsExactly("1000");
    }

    @Test
    void anErpUpdateClearsTheChangesetItConfirms() {
        Meter m = meter(MatchStrategy.EXACT, null, new TimestampTolerance.Exact());
        Counter c = w.feedOutCounter(m);
        w.stored(c, Direction.FEED_OUT, "2024-02-01T08:00:00Z", "990");
        w.pendingChangeset(m, c, "2024-02-01T08:00:00Z", "1000");
        UpdateReadingService service = TestServices.updateReadingService(w.ctx, PlausibilityProvider.NONE);

        service.update(new UpdateReadingCommand(w.admin, new ReadingAddress(m.id(), c.id(), at("2024-02-01T08:00:00Z"), null),
                ReadingChanges.setting(dec("1000"), ReadingSource.ERP, null, null, null, null, null, null, null), null));

        assertThat(w.changesets(c)).isEmpty();
    }
}
