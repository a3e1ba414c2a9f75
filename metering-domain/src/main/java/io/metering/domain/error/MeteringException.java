package io.metering.domain.error;

import java.util.Objects;

/**
 * The small sealed family of rejections the domain and the use cases raise. Each carries a
 * {@link ReasonCode} (the domain's are {@link RejectionReason}); the HTTP adapter maps each subtype to one status in one table
 * (docs/architecture.md#errors).
 */
public sealed class MeteringException extends RuntimeException
        permits InvalidRequestException, NotFoundException, ConflictException, ForbiddenException {

    private static final long serialVersionUID = 1L;
    private final ReasonCode reason;

    /**
     * @param reason the reason code reported to the caller
     * @param message a human-readable message; shown to the caller, so it must not leak other
     *     tenants' data
     */
    protected MeteringException(ReasonCode reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason code reported as {@code reason}. */
    public ReasonCode reason() {
        return reason;
    }
}
