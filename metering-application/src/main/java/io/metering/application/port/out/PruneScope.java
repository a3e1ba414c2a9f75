package io.metering.application.port.out;

import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import java.util.Objects;
import java.util.Set;

/**
 * What a prune considers (docs/domain.md#batch-v2-and-prune): the readings of a meter, optionally of
 * one counter and of one source. Of those, readings whose external id is in {@code keepExternalIds}
 * are kept; readings without external id are deleted only when a source is given, and kept
 * otherwise; every other reading is deleted.
 *
 * @param meterId the meter
 * @param counterId the counter, may be null
 * @param source the source, may be null
 * @param keepExternalIds external ids to keep
 */
public record PruneScope(MeterId meterId, CounterId counterId, ReadingSource source, Set<String> keepExternalIds) {
    /** @throws NullPointerException if meterId is null */
    public PruneScope {
        Objects.requireNonNull(meterId, "meterId");
        keepExternalIds = keepExternalIds == null ? Set.of() : Set.copyOf(keepExternalIds);
    }
}
