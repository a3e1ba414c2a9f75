package io.metering.domain.error;

/**
 * A valid caller using something its kind of token may not use (an admin-only option from a portal
 * user, say); answered 403.
 */
public final class ForbiddenException extends MeteringException {
    private static final long serialVersionUID = 1L;

    /** @param message what is not allowed */
    public ForbiddenException(String message) {
        super(RejectionReason.FORBIDDEN_OPTION, message);
    }
}
