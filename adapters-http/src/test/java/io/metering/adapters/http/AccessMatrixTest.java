package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.adapters.http.MatrixPrincipal.Role;
import io.metering.testing.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access matrix: every route the app serves ({@link MatrixRows}, checked against the app's own
 * route table) × every kind of caller ({@link MatrixPrincipal}). The cells of a row share seeded
 * data ({@link MatrixFixture}, two organizations of their own) until one writes successfully;
 * then the next cell gets fresh data, so that every cell sees the same starting state. Each cell
 * asserts:
 * <ul>
 *   <li>the exact status, and for errors the JSON body {@code {message, reason}} with the reason of
 *       the status ({@code unauthorized}, {@code forbidden_option}, {@code not_found});</li>
 *   <li>that the body shows nothing the caller may not see: no id, number, contact or value of the
 *       other organization or the other customer, unless the request itself carried it;</li>
 *   <li>for 404s, that the answer is the one an id that never existed gets (the same request with
 *       fresh random ids, same caller): nothing tells another tenant's id from a made-up one.</li>
 * </ul>
 */
class AccessMatrixTest {
    @TempDir
    static Path dir;

    private static MatrixTokens tokens;
    private static TestApp app;
    /** The row whose cells run now, and the data its next cell works on (null: seed anew). */
    private static MatrixRow fixtureRow;
    private static MatrixFixture fixture;
    private static final AtomicInteger CELLS = new AtomicInteger();

    @BeforeAll
    static void start() {
        tokens = new MatrixTokens(dir, Clock.fixed(TestApp.START, ZoneOffset.UTC));
        app = new TestApp(tokens.settings(), UnaryOperator.identity());
    }

    @AfterAll
    static void stop() {
        app.close();
        System.out.printf("access matrix: %d routes (%d rows) x %d principals = %d cells run%n", routeTable().size(),
                MatrixRows.all().size(), MatrixPrincipal.values().length, CELLS.get());
    }

    /** The app's routes as {@code METHOD /path}, read from its router. */
    static Set<String> routeTable() {
        return app.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRouteOfTheAppHasARowAndEveryRowIsARouteOfTheApp() {
        Set<String> rows = MatrixRows.all().stream().map(MatrixRow::route).collect(Collectors.toCollection(TreeSet::new));

        assertThat(rows).as("routes of the app without a row in MatrixRows").containsAll(routeTable());
        assertThat(routeTable()).as("rows of MatrixRows the app does not serve").containsAll(rows);
    }

    @TestFactory
    Stream<DynamicContainer> matrix() {
        return MatrixRows.all().stream().map(row -> DynamicContainer.dynamicContainer(row.route() + " (" + row.name() + ")",
                Stream.of(MatrixPrincipal.values()).map(p -> DynamicTest.dynamicTest(p.name(), () -> cell(row, p)))));
    }

    private static void cell(MatrixRow row, MatrixPrincipal principal) {
        CELLS.incrementAndGet();
        TestApp t = app;
        if (fixtureRow != row) {
            fixtureRow = row;
            fixture = null;
        }
        MatrixFixture f = fixture != null ? fixture : MatrixFixture.seed(t, CELLS.get());
        fixture = f;
        Map<String, String> headers = principal.headers(tokens, f);
        String path = MatrixRow.fill(row.path(), f.values);
        String body = MatrixRow.fill(row.body(), f.values);
        Reply r = send(t, row.method(), path, headers, body);
        if (!row.method().equals("GET") && r.status() < 300) {
            // a write went through: the next cell gets fresh data. Refused writes change nothing
            // (all or nothing), so cells whose request was refused share one fixture.
            fixture = null;
        }
        int expected = expected(row, principal);
        String cell = row.route() + " (" + row.name() + ") x " + principal + ": " + r;

        assertThat(r.status()).as(cell).isEqualTo(expected);
        if (expected >= 400) {
            assertErrorBody(r, expected, cell);
        }
        assertNoLeak(r, forbiddenData(row, principal, f), path + " " + body + " " + headers.values(), cell);
        if (expected == 404) {
            assertSameAsUnknownIds(t, row, f, headers, r, cell);
        }
    }

    private static int expected(MatrixRow row, MatrixPrincipal principal) {
        MatrixRow.Expect e = row.expect();
        if (e.open()) {
            return e.admin();
        }
        return switch (principal.role) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case ADMIN -> e.admin();
            case ADMIN_WITHOUT_PERMISSION -> e.permission() ? 403 : e.admin();
            case OTHER_ADMIN -> e.otherAdmin();
            case OWNER -> e.owner();
            case OTHER_CUSTOMER -> e.otherCustomer();
        };
    }

    private static void assertErrorBody(Reply r, int status, String cell) {
        JsonNode json = r.json();
        assertThat(json.path("message").isTextual()).as("message of " + cell).isTrue();
        String reason = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden_option";
            case 404 -> "not_found";
            case 415 -> "unsupported_media_type";
            default -> throw new AssertionError("unexpected error status in " + cell);
        };
        assertThat(json.path("reason").asText()).as("reason of " + cell).isEqualTo(reason);
        if (status == 401) {
            assertThat(r.header("WWW-Authenticate")).as(cell).isEqualTo("Bearer");
        }
    }

    /** Data the principal may not see in this cell. */
    private static Set<String> forbiddenData(MatrixRow row, MatrixPrincipal principal, MatrixFixture f) {
        Set<String> data = new HashSet<>(f.orgBData);
        Role role = row.expect().open() ? Role.UNAUTHENTICATED : principal.role;
        switch (role) {
            case ADMIN, ADMIN_WITHOUT_PERMISSION -> { }
            case OWNER -> data.addAll(f.otherCustomerData);
            case OTHER_CUSTOMER -> data.addAll(f.ownerData);
            case OTHER_ADMIN -> {
                data.clear();
                data.addAll(f.orgAData());
            }
            case UNAUTHENTICATED, FORBIDDEN -> data.addAll(f.orgAData());
        }
        return data;
    }

    private static void assertNoLeak(Reply r, Set<String> forbidden, String request, String cell) {
        for (String value : forbidden) {
            if (!request.contains(value)) {
                assertThat(r.body()).as("leak of '" + value + "' in " + cell).doesNotContain(value);
            }
        }
    }

    /**
     * The same request with every org A id replaced by one that never existed: the same status and,
     * with the ids masked, the same body.
     */
    private static void assertSameAsUnknownIds(TestApp t, MatrixRow row, MatrixFixture f, Map<String, String> headers,
            Reply answer, String cell) {
        Map<String, String> unknown = new LinkedHashMap<>(f.values);
        for (String name : MatrixFixture.orgAIds()) {
            unknown.put(name, name.equals("CONTRACT") ? "contract-" + UUID.randomUUID() : UUID.randomUUID().toString());
        }
        Reply twin = send(t, row.method(), MatrixRow.fill(row.path(), unknown), headers, MatrixRow.fill(row.body(), unknown));

        assertThat(twin.status()).as("unknown ids, " + cell).isEqualTo(answer.status());
        assertThat(masked(twin.body(), unknown)).as("unknown ids, " + cell).isEqualTo(masked(answer.body(), f.values));
    }

    private static String masked(String body, Map<String, String> values) {
        String out = body;
        for (String name : MatrixFixture.orgAIds()) {
            out = out.replace(values.get(name), "<" + name + ">");
        }
        return out;
    }

    private static Reply send(TestApp t, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return t.send(b.build());
    }
}
