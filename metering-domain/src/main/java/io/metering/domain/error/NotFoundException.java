package io.metering.domain.error;

/**
 * A resource that does not exist or lies outside the caller's reach; answered 404. Both cases read
 * the same so that nobody learns whether another tenant's id exists (docs/domain.md#who-may-do-what).
 */
public final class NotFoundException extends MeteringException {
    private static final long serialVersionUID = 1L;

    /** @param message what was not found, e.g. {@code Meter 3fa8... not found} */
    public NotFoundException(String message) {
        super(RejectionReason.NOT_FOUND, message);
    }
}
