package io.metering.adapters.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web adapter needs from the configuration.
 *
 * @param corsOrigins origins ({@code scheme://host[:port]}) whose pages may call the API from the browser;
 *     empty: no cross-origin use at all
 * @param signIn the OpenID provider of the portal; empty: only development sign-in links work
 * @param consoleSignIn the OpenID provider of the staff console (admin tokens); empty: only development links work
 */
public record WebSettings(List<String> corsOrigins, Optional<PortalSignIn> signIn, Optional<PortalSignIn> consoleSignIn) {
    public WebSettings {
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(consoleSignIn, "consoleSignIn");
    }

    /** Settings without an OpenID provider for the console. */
    public WebSettings(List<String> corsOrigins, Optional<PortalSignIn> signIn) {
        this(corsOrigins, signIn, Optional.empty());
    }

    /** No cross-origin use, no OpenID provider. */
    public static WebSettings defaults() {
        return new WebSettings(List.of(), Optional.empty(), Optional.empty());
    }
}
