package io.metering.adapters.http.auth;

/**
 * Who may issue tokens of one kind (admin or portal) and for whom: the required {@code iss} and the
 * {@code aud} entry a token of that kind must carry. A null part is not checked.
 *
 * @param issuer the required {@code iss}, or null to accept any issuer
 * @param audience the {@code aud} entry required, or null to accept any audience
 */
public record IssuerRule(String issuer, String audience) {
    /** Blank parts mean "not checked". */
    public IssuerRule {
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
    }

    /** A rule that checks nothing. */
    public static IssuerRule any() {
        return new IssuerRule(null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
