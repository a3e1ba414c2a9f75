package io.metering.adapters.http.auth;

import io.metering.application.access.Caller;

/** Turns a bearer token into the caller of a use case. */
@FunctionalInterface
public interface Authenticator {
    /**
     * @param bearerToken the token from {@code Authorization: Bearer <token>}, without the scheme
     * @return the verified caller
     * @throws AuthenticationException if the token cannot be trusted
     */
    Caller authenticate(String bearerToken);

    /**
     * The caller with what else the token grants: organizations to act for and permission limits.
     * Authenticators that know no such claims grant the caller alone, without limits.
     *
     * @param bearerToken the token, without the scheme
     * @return what the verified token grants
     * @throws AuthenticationException if the token cannot be trusted
     */
    default VerifiedToken verify(String bearerToken) {
        return VerifiedToken.of(authenticate(bearerToken));
    }
}
