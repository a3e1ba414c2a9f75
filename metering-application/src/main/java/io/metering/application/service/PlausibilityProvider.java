package io.metering.application.service;

import io.metering.domain.plausibility.HistoryPlausibility;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
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

    /** Where a policy reads the stored history of a series. */
    @FunctionalInterface
    interface History {
        /**
         * Up to {@code limit} plausible points of the series at or before {@code t}, newest first,
         * as {@link io.metering.application.port.out.ReadingSeriesQueries#recentPlausible} answers.
         */
        List<SeriesPoint> recentPlausible(SeriesKey series, Instant t, int limit);

        /**
         * Where the meter's other registers are read, if this history knows them; empty (the
         * default): the provider reads them where it reads them for any write.
         */
        default Optional<HistoryPlausibility.OtherRegisters> otherRegisters() {
            return Optional.empty();
        }
    }
}
