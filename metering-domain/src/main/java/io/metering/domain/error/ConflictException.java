package io.metering.domain.error;

/** A request that conflicts with stored state; answered 409. */
public final class ConflictException extends MeteringException {
    private static final long serialVersionUID = 1L;

    /** @param message what conflicts */
    public ConflictException(String message) {
        super(RejectionReason.CONFLICT, message);
    }

    /**
     * @param reason the more specific conflict, e.g. {@code counter_has_readings}
     * @param message what conflicts
     */
    public ConflictException(ReasonCode reason, String message) {
        super(reason, message);
    }
}
