package io.metering.adapters.http;

import java.util.Map;

/**
 * One row of {@link AccessMatrixTest}: a request to one route of the app, as a template whose
 * {@code {NAME}} placeholders the cell's {@link MatrixFixture} fills, and the status each kind of
 * valid caller must get.
 *
 * @param route the route as the app registers it ({@code METHOD /path/{param}}), matched against the
 *     app's route table
 * @param name what the row does, for reports (the operationId where the contract has one)
 * @param path the request path and query, with placeholders
 * @param body the JSON body with placeholders, or null
 * @param expect the statuses
 */
record MatrixRow(String route, String name, String path, String body, Expect expect) {
    /**
     * The status per kind of valid caller.
     *
     * @param open whether the route needs no token at all (then every caller gets {@code admin})
     * @param admin an admin of org A (the fixture's organization)
     * @param otherAdmin an admin of org B
     * @param owner the portal user owning the fixture's meters
     * @param otherCustomer a portal user of another customer of org A
     * @param permission whether the route needs {@code meter_reading:edit}
     */
    record Expect(boolean open, int admin, int otherAdmin, int owner, int otherCustomer, boolean permission) {}

    /** A route without authentication: 200 for everyone, with or without a token. */
    static Expect open() {
        return new Expect(true, 200, 200, 200, 200, false);
    }

    /** Statuses for admin of A, admin of B, owner, other customer. */
    static Expect expect(int admin, int otherAdmin, int owner, int otherCustomer) {
        return new Expect(false, admin, otherAdmin, owner, otherCustomer, false);
    }

    /** Like {@link #expect}, for a route that needs {@code meter_reading:edit}. */
    static Expect withPermission(int admin, int otherAdmin, int owner, int otherCustomer) {
        return new Expect(false, admin, otherAdmin, owner, otherCustomer, true);
    }

    String method() {
        return route.substring(0, route.indexOf(' '));
    }

    /** The template filled with the values. */
    static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
