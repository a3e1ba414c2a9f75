package io.metering.adapters.http.auth;

/** Wire names of this service's token claims, shared by {@link JwtAuthenticator} and {@link TokenMinter}. */
final class ClaimNames {
    static final String ORG_ID = "org_id";
    static final String KIND = "kind";
    static final String CONTACT_ID = "contact_id";
    static final String CONTRACT_IDS = "contract_ids";
    static final String EXPIRY = "exp";
    static final String KIND_ADMIN = "admin";
    static final String KIND_PORTAL = "portal";

    private ClaimNames() {}
}
