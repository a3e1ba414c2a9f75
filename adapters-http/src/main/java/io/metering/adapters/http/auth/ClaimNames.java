package io.metering.adapters.http.auth;

/**
 * Wire names of this service's token claims, shared by {@link JwtAuthenticator} and {@link TokenMinter}.
 * The docs/authentication.md section documents them.
 */
final class ClaimNames {
    static final String ORG_ID = "org_id";
    static final String KIND = "kind";
    static final String CONTACT_ID = "contact_id";
    static final String CONTRACT_IDS = "contract_ids";
    /** Admin tokens: organizations the token may act for through the {@code x-ivy-org-id} header. */
    static final String ACT_FOR_ORGS = "act_for_orgs";
    /** Admin tokens: an array of permission names; present means "only these". */
    static final String PERMISSIONS = "permissions";
    /** Admin tokens: OAuth 2.0 scopes (RFC 8693 section 4.2: space-separated), read like {@link #PERMISSIONS}. */
    static final String SCOPE = "scope";
    static final String EXPIRY = "exp";
    static final String KIND_ADMIN = "admin";
    static final String KIND_PORTAL = "portal";
    /** In {@link #ACT_FOR_ORGS}: every organization. */
    static final String ANY_ORG = "*";

    private ClaimNames() {}
}
