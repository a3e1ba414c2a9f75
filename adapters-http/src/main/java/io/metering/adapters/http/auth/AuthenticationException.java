package io.metering.adapters.http.auth;

/**
 * No bearer token, or one that cannot be trusted (garbled, expired, not yet valid, wrongly signed,
 * wrong algorithm, wrong issuer or audience, missing claims); answered 401. The message is shown to
 * the caller, so it never contains the token.
 */
public final class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why the token is refused, without the token itself */
    public AuthenticationException(String message) {
        super(message, null, false, false);
    }
}
