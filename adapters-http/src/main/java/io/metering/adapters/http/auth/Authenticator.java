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
}
