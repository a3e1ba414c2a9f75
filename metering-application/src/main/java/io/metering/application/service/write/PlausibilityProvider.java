package io.metering.application.service.write;

import io.metering.domain.plausibility.HistoryPlausibility;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the plausibility policy a write uses, from the stored history of the organization. */
@FunctionalInterface
public interface PlausibilityProvider {
    /** Finds every value plausible. */
    PlausibilityProvider NONE = org -> PlausibilityPolicy.NONE;

    /**
     * @param org the organization written to
     * @return the policy for one write; it may query history lazily within the write's transaction
     */
    PlausibilityPolicy forWrite(OrganizationId org);

    /**
     * As {@link #forWrite(OrganizationId)}, with the stored history read from {@code history}
     * instead of the store: a bulk import knows the recent history of the series it appends to
     * (what was stored before plus what it wrote itself) and judges later chunks without a query,
     * while its own writes are still on their way to the store. Providers that read no history
     * ignore it.
     */
    default PlausibilityPolicy forWrite(OrganizationId org, History history) {
        return forWrite(org);
    }

    /**
     * As {@link #forWrite(OrganizationId)} for a write that holds {@code written}: its readings of
     * every series, not stored yet, which the meter pace of another series of the same meter counts
     * (docs/domain.md#plausibility-formula). Providers without a meter pace ignore them; those with
     * one gather their points ({@link #pointsOf}) only when a meter pace is asked for.
     */
    default PlausibilityPolicy forWrite(OrganizationId org, List<ReadingCandidate> written) {
        return forWrite(org);
    }

    /** {@link #forWrite(OrganizationId, History)} and {@link #forWrite(OrganizationId, List)} together. */
    default PlausibilityPolicy forWrite(OrganizationId org, History history, List<ReadingCandidate> written) {
        return forWrite(org, history);
    }

    /** The points of a write's readings by series, leaving out those their writer marked implausible. */
    static Map<SeriesKey, List<SeriesPoint>> pointsOf(List<ReadingCandidate> candidates) {
        Map<SeriesKey, List<SeriesPoint>> out = new HashMap<>();
        for (ReadingCandidate c : candidates) {
            if (!c.reading().isImplausible()) {
                out.computeIfAbsent(c.reading().series(), k -> new ArrayList<>()).add(c.reading().point());
            }
        }
        return out;
    }

    /** Where a policy reads the stored history of a series. */
    @FunctionalInterface
    interface History {
        /**
         * Up to {@code limit} plausible points of the series at or before {@code t}, newest first,
         * as {@link io.metering.application.port.out.ReadingSeriesQueries#recentPlausible} answers.
         */
        List<SeriesPoint> recentPlausible(SeriesKey series, Instant t, int limit);

        /**
         * Where the meter's other registers and their stored history are read, if this history
         * knows them; empty (the default): the provider reads them where it reads them for any write.
         */
        default Optional<HistoryPlausibility.OtherRegisters> otherRegisters() {
            return Optional.empty();
        }
    }
}
