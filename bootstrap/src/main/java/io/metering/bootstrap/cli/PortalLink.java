package io.metering.bootstrap.cli;

/**
 * The development sign-in link of the customer portal: the portal's address with a portal token in
 * the URL fragment, which the browser never sends to the server; the page keeps the token in
 * sessionStorage and removes it from the address bar at once (docs/portal.md).
 */
public final class PortalLink {
    private PortalLink() {}

    /**
     * @param base the service's base URL, e.g. {@code http://localhost:8080}
     * @param portalToken a portal token (a JWT: URL-safe as it is)
     */
    public static String of(String base, String portalToken) {
        return base + "/portal/#token=" + portalToken;
    }

    /**
     * The back-office console's development sign-in link, the same way (docs/console.md).
     *
     * @param adminToken an admin token
     */
    public static String console(String base, String adminToken) {
        return base + "/console/#token=" + adminToken;
    }
}
