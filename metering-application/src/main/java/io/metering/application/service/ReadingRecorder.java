package io.metering.application.service;

import io.metering.application.access.Caller;
import io.metering.application.port.in.ReadingInput;
import io.metering.application.port.in.RecordResult;
import io.metering.application.port.in.WriteOptions;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records new readings (v1 create semantics: an existing key is {@code duplicate_reading}) inside
 * the caller's transaction: prepare, lock, write the direct ones, turn governed non-direct ones into
 * changesets, and clear the changesets the direct ones confirm. Shared by every use case that
 * creates readings from writer input, so they all follow DOMAIN.md "Writing readings" and
 * "Changesets" the same way.
 */
final class ReadingRecorder {
    private final ServiceContext ctx;
    private final ReadingPreparation preparation;
    private final ReadingWriter writer;
    private final ChangesetInterceptor interceptor;
    private final EchoMatcher echoes;

    ReadingRecorder(ServiceContext ctx, ReadingWriter writer) {
        this.ctx = ctx;
        this.echoes = new EchoMatcher(ctx);
        this.preparation = new ReadingPreparation(ctx);
        this.writer = writer;
        this.interceptor = new ChangesetInterceptor(ctx, writer);
    }

    /**
     * Must run inside a transaction; locks the counters itself.
     *
     * @param now the instant for readings without timestamp and for changesets
     * @return the written readings and the new changesets, each in input order
     */
    RecordResult record(Caller caller, List<ReadingInput> inputs, WriteOptions options, Instant now) {
        ReadingPreparation.Prepared prepared = preparation.prepare(caller, inputs, now);
        List<ReadingCandidate> direct = new ArrayList<>();
        List<ReadingCandidate> governed = new ArrayList<>();
        for (ReadingCandidate c : prepared.candidates()) {
            (ChangesetInterceptor.isIntercepted(options, c) ? governed : direct).add(c);
        }
        writer.lock(caller.org(), Stream.concat(direct.stream(), governed.stream()).map(c -> c.counter().id()).toList());
        boolean validate = !options.skipValidation();
        List<Reading> written = List.of();
        if (!direct.isEmpty()) {
            // an echo of a stored reading confirms it instead of adding a second row
            EchoMatcher.Matched matched = echoes.match(caller.org(), direct);
            written = writer.write(caller.org(), matched.candidates(), matched.confirmed(), ReadingWriter.OnExisting.REJECT, validate);
        }
        List<Changeset> pending = governed.isEmpty() ? List.of() : interceptor.intercept(caller, governed, validate, now);
        List<Reading> confirming = written.stream().filter(r -> ChangesetInterceptor.isDirect(options, r)).toList();
        if (!confirming.isEmpty()) {
            writer.autoClear(caller.org(), confirming);
        }
        return new RecordResult(written, pending);
    }
}
