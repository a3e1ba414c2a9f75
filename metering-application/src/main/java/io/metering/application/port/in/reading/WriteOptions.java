package io.metering.application.port.in.reading;

/**
 * Query options of reading writes (contract parameters {@code skip_validation} and
 * {@code direct}); both are admin-only.
 *
 * @param skipValidation skip the write rules (docs/domain.md#writing-readings)
 * @param direct bypass changeset interception and confirm matching changesets
 */
public record WriteOptions(boolean skipValidation, boolean direct) {
    /** Validation on, not direct. */
    public static final WriteOptions DEFAULT = new WriteOptions(false, false);
}
