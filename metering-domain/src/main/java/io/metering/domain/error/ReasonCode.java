package io.metering.domain.error;

/**
 * A machine-readable reason a request was refused, answered as {@code reason} in {@code {message,
 * reason}}. The domain's rules give a {@link RejectionReason}; the adapters add their own codes for
 * refusals no rule makes (a body that is not JSON, a malformed import file), so that those stay out
 * of the domain (docs/architecture.md#errors).
 */
public interface ReasonCode {
    /** The wire code, e.g. {@code less_than_previous}. */
    String code();
}
