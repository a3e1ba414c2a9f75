package io.metering.domain.changeset;

import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.reading.Reading;

/**
 * Decides whether a direct write confirms a pending changeset, which then clears (docs/domain.md
 * "Changesets"): same counter, same direction (when the proposal names one), timestamp within the
 * changeset's tolerance, and value equal ({@code exact}) or within the fuzzy thresholds
 * ({@code fuzzy}).
 */
public final class ChangesetMatcher {
    private ChangesetMatcher() {}

    /**
     * @param pending a pending changeset
     * @param written a reading written directly ({@code direct=true} or source ERP)
     * @return whether the write confirms the changeset: same meter and counter, direction if the
     *     proposal names one, timestamp within the tolerance, value by the match strategy
     */
    public static boolean confirms(Changeset pending, Reading written) {
        if (!pending.counterId().equals(written.counterId()) || !pending.meterId().equals(written.meterId())) {
            return false;
        }
        ProposedReading proposed = pending.proposed();
        if (proposed.direction() != null && proposed.direction() != written.direction()) {
            return false;
        }
        ReadingGovernance g = pending.governance();
        if (!g.timestampTolerance().matches(proposed.timestamp(), written.timestamp())) {
            return false;
        }
        return switch (g.matchStrategy()) {
            case EXACT -> proposed.value().compareTo(written.value()) == 0;
            case FUZZY -> (g.fuzzyConfig() == null ? new FuzzyConfig(null, null) : g.fuzzyConfig())
                    .matches(proposed.value(), written.value());
        };
    }
}
