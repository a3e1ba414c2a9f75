package io.metering.domain.governance;

import java.util.Objects;

/**
 * A meter's changeset governance (docs/domain.md#changesets; this product's extension of the meter):
 * non-direct writes become pending changesets, and direct writes that match one clear it.
 *
 * @param editMode who confirms changes
 * @param matchStrategy how values are matched for auto-clear
 * @param fuzzyConfig thresholds for fuzzy matching, may be null (contract defaults)
 * @param timestampTolerance slack on timestamps for auto-clear
 */
public record ReadingGovernance(EditMode editMode, MatchStrategy matchStrategy, FuzzyConfig fuzzyConfig,
        TimestampTolerance timestampTolerance) {
    /** Fills the contract's defaults: exact matching with exact timestamps. */
    public ReadingGovernance {
        Objects.requireNonNull(editMode, "editMode");
        matchStrategy = matchStrategy == null ? MatchStrategy.EXACT : matchStrategy;
        timestampTolerance = timestampTolerance == null ? new TimestampTolerance.Exact() : timestampTolerance;
    }
}
