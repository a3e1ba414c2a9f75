package io.metering.adapters.http.web;

/**
 * Which token kinds an operation accepts (docs/domain.md#who-may-do-what; the contract's
 * {@code security} field per operation).
 */
public enum Access {
    /**
     * Admin (EpilotAuth) tokens only; portal tokens answer 403. The contract's EpilotAuth operations
     * and this product's admin extension.
     */
    ADMIN,
    /**
     * Admin and portal tokens. The contract's EitherAuth operations, and its PortalAuth operations
     * too, since admins may do everything inside their organization; the use cases narrow what a
     * portal user reaches.
     */
    ADMIN_OR_PORTAL
}
