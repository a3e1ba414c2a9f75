package io.metering.application.service.write;

import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.access.Caller;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.reading.ReadingCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records new readings (v1 create semantics: an existing key is {@code duplicate_reading}) inside
 * the caller's transaction: prepare, lock, write the direct ones, turn governed non-direct ones into
 * changesets, and clear the changesets the direct ones confirm. Shared by every use case that
 * creates readings from writer input, so they all follow docs/domain.md#writing-readings and
 * "Changesets" the same way.
 */
public final class ReadingRecorder {
    private final ReadingPreparation preparation;
    private final ReadingWriter writer;
    private final EchoMatcher echoes;

    public ReadingRecorder(MeterRepository meters, CounterRepository counters, ReadingSeriesQueries series,
            ZoneId businessZone, ReadingWriter writer) {
        this.echoes = new EchoMatcher(series, businessZone);
        this.preparation = new ReadingPreparation(meters, counters, businessZone);
        this.writer = writer;
    }

    /**
     * Must run inside a transaction; locks the counters itself.
     *
     * @param now the instant for readings without timestamp and for changesets
     * @return the written readings and the new changesets, each in input order
     */
    public RecordResult record(Caller caller, List<ReadingInput> inputs, WriteOptions options, Instant now) {
        ReadingPreparation.Prepared prepared = preparation.prepare(caller, inputs, now);
        List<ReadingCandidate> direct = new ArrayList<>();
        List<ReadingCandidate> governed = new ArrayList<>();
        for (ReadingCandidate c : prepared.candidates()) {
            (ChangesetInterceptor.isIntercepted(options, c) ? governed : direct).add(c);
        }
        writer.lock(caller.org(), ReadingWriter.countersOf(direct, governed));
        List<ReadingCandidate> toWrite = direct;
        List<SeriesGapGuard.Vacated> refreshed = List.of();
        if (!direct.isEmpty()) {
            // an echo of a stored reading confirms it instead of adding a second row
            EchoMatcher.Matched matched = echoes.match(caller.org(), direct);
            toWrite = matched.candidates();
            refreshed = SeriesGapGuard.Vacated.all(matched.confirmed());
        }
        ReadingWriter.Written written = writer.writeFor(caller, options, toWrite, refreshed, ReadingWriter.OnExisting.REJECT,
                governed, now);
        return new RecordResult(written.readings(), written.pending());
    }
}
