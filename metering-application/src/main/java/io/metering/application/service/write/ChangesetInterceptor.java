package io.metering.application.service.write;

import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ChangesetRepository;
import java.util.Objects;
import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetCreator;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns non-direct writes to governed meters into pending changesets instead of series changes
 * (docs/domain.md#changesets). Runs inside the caller's transaction with the counters
 * locked.
 */
public final class ChangesetInterceptor {
    private final ReadingRepository readings;
    private final ChangesetRepository changesets;

    ChangesetInterceptor(ReadingRepository readings, ChangesetRepository changesets) {
        this.readings = Objects.requireNonNull(readings, "readings");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
    }

    /**
     * Whether a write confirms rather than proposes: {@code direct=true}, or source ERP (the contract
     * treats an ERP write as a direct confirmation).
     */
    static boolean isDirect(WriteOptions options, Reading reading) {
        return options.direct() || reading.source() == ReadingSource.ERP;
    }

    /** Whether the candidate must become a changeset instead of a write. */
    public static boolean isIntercepted(WriteOptions options, ReadingCandidate candidate) {
        return candidate.meter().isGoverned() && !isDirect(options, candidate.reading());
    }

    /**
     * Stores one pending changeset per candidate with a snapshot of the reading stored at the
     * proposal's key. {@link ReadingWriter} has judged the proposals as a write at their keys would
     * be judged, so a changeset never holds a reading the series would refuse.
     *
     * @param proposed the candidates' readings as judged
     * @return the new changesets in candidate order
     */
    List<Changeset> intercept(Caller caller, List<ReadingCandidate> governed, List<Reading> proposed, Instant now) {
        Map<ReadingKey, Reading> previous = readings.findByKeys(caller.org(),
                proposed.stream().map(Reading::key).collect(Collectors.toSet()));
        List<Changeset> out = new ArrayList<>(proposed.size());
        for (int i = 0; i < proposed.size(); i++) {
            Reading r = proposed.get(i);
            Reading before = previous.get(r.key());
            Changeset cs = new Changeset(ChangesetId.random(), caller.org(), r.meterId(), r.counterId(), Changesets.proposal(r),
                    before == null ? null : Changesets.proposal(before), governed.get(i).meter().governance(), now,
                    creator(caller), r.source());
            changesets.insert(cs);
            out.add(cs);
        }
        return out;
    }

    private static ChangesetCreator creator(Caller caller) {
        return new ChangesetCreator(caller.isAdmin() ? "user" : "portal_user", caller.subject());
    }
}
