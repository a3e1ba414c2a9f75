package io.metering.adapters.http;

import io.metering.testing.BearerTokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.observe.HttpObservability;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryBulkStore;
import io.metering.application.fakes.InMemoryImportJobs;
import io.metering.application.fakes.InMemoryIntervalValues;
import io.metering.application.fakes.InMemoryStore;
import io.metering.application.fakes.InMemoryWebhooks;
import io.metering.application.fakes.RecordingWebhookSender;
import io.metering.application.service.webhook.WebhookService;
import io.metering.adapters.http.outbound.OutboundRules;
import io.metering.adapters.http.outbound.OutboundSettings;
import io.metering.application.fakes.LineFiles;
import io.metering.application.fakes.MutableClock;
import io.metering.application.port.in.imports.ImportUseCases;
import io.metering.application.port.in.UseCases;
import io.metering.application.service.counter.CounterLocatorService;
import io.metering.application.service.meter.ForecastProvider;
import io.metering.application.service.meter.HistoryForecastProvider;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.imports.ImportJobService;
import io.metering.application.service.imports.ImportMeteredDataService;
import io.metering.adapters.http.events.EventDataJson;
import io.metering.application.service.events.ChangeEventFeedService;
import io.metering.application.service.events.ChangeEventRecorder;
import io.metering.application.service.imports.ImportReadingsService;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.TestContext;
import io.metering.application.service.TestServices;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.tenant.OrganizationId;
import io.metering.testing.Http;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import io.metering.adapters.http.counter.CounterCommands;
import io.metering.adapters.http.meter.MeterCommands;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real app on a free port over the in-memory ports, with a settable clock, token helpers and a
 * small HTTP client. One per test class: the route tests hold it as
 * {@code @RegisterExtension static final TestApp t = new TestApp();}, which starts it when the
 * class is set up and closes it after the class's last test.
 */
final class TestApp implements AutoCloseable, AfterAllCallback {
    static final String SECRET = "test-secret-test-secret-test-secret-0123456789";
    static final String ISSUER = "metering-tests";
    static final String AUDIENCE = "metering";
    static final String ORG = "org-1";
    static final String OTHER_ORG = "org-2";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant START = Instant.parse("2024-06-15T10:00:00Z");
    static final long MAX_BODY = 64 * 1024;

    /** Forecasts the latest value plus 10.50 at the date asked, so that forecast fields can be checked. */
    static final ForecastProvider FORECAST = (org, counter, latest, date) -> latest == null ? Optional.empty()
            : Optional.of(new ForecastProvider.Forecast(latest.value().add(new BigDecimal("10.50")), date));

    final InMemoryStore store = new InMemoryStore();
    final MutableClock clock = new MutableClock(START);
    final JwtSettings jwt;
    /** Tokens for the default settings (secret, issuer and audience above), issued at the app's clock. */
    final BearerTokens tokens;
    final AtomicBoolean ready = new AtomicBoolean(true);
    final UseCases useCases;
    final Javalin app;
    final ObjectMapper json = JsonMapping.create();
    private final Http http;

    TestApp() {
        this(UnaryOperator.identity());
    }

    /** @param wrap replaces use cases, e.g. with failing ones */
    TestApp(UnaryOperator<UseCases> wrap) {
        this(JwtSettings.of(SECRET, ISSUER, AUDIENCE), wrap);
    }

    /**
     * The app with the product's own plausibility and forecast rules over the stored history, as
     * bootstrap wires them (the default app judges nothing and forecasts latest value + 10.50).
     */
    static TestApp withAnalytics() {
        return new TestApp(JwtSettings.of(SECRET, ISSUER, AUDIENCE), UnaryOperator.identity(), MAX_BODY, true);
    }

    /**
     * @param jwt how tokens are verified (the app's {@link #tokens} suit the default settings only)
     * @param wrap replaces use cases, e.g. with failing ones
     */
    TestApp(JwtSettings jwt, UnaryOperator<UseCases> wrap) {
        this(jwt, wrap, MAX_BODY);
    }

    /**
     * @param jwt how tokens are verified (the app's {@link #tokens} suit the default settings only)
     * @param wrap replaces use cases, e.g. with failing ones
     * @param maxBody the body size limit
     */
    TestApp(JwtSettings jwt, UnaryOperator<UseCases> wrap, long maxBody) {
        this(jwt, wrap, maxBody, false);
    }

    /** Interval values (load profiles) of the app's meters. */
    final InMemoryIntervalValues intervals = new InMemoryIntervalValues();
    /** Webhook subscriptions; receivers on 127.0.0.1 are allowed, names resolve to 93.184.216.34 (public) or fail. */
    final InMemoryWebhooks webhooks = new InMemoryWebhooks();
    /** Sends nothing: records test messages. */
    final RecordingWebhookSender webhookSender = new RecordingWebhookSender();
    /** The webhook operations the app serves, for seeding. */
    final WebhookService webhookService;

    private TestApp(JwtSettings jwt, UnaryOperator<UseCases> wrap, long maxBody, boolean analytics) {
        this(jwt, wrap, maxBody, analytics, HttpObservability.none());
    }

    /** The default app reporting request metrics (and perhaps serving {@code /metrics}) as told. */
    static TestApp observed(HttpObservability observability) {
        return new TestApp(JwtSettings.of(SECRET, ISSUER, AUDIENCE), UnaryOperator.identity(), MAX_BODY, false, observability);
    }

    private TestApp(JwtSettings jwt, UnaryOperator<UseCases> wrap, long maxBody, boolean analytics, HttpObservability observability) {
        this.jwt = jwt;
        this.tokens = BearerTokens.hs256(SECRET).withIssuer(ISSUER, AUDIENCE).withClock(clock);
        TestContext ctx = new TestContext(store, store, store, store, store, store, clock, BERLIN);
        PlausibilityProvider plausibility = analytics ? new HistoryPlausibilityProvider(store, store) : PlausibilityProvider.NONE;
        ForecastProvider forecasts = analytics ? new HistoryForecastProvider(store, BERLIN) : FORECAST;
        // every change records its event in the store, as the server records them (docs/events.md)
        ChangeEventRecorder changes = new ChangeEventRecorder(store, new EventDataJson(), clock);
        useCases = wrap.apply(TestServices.useCases(ctx, plausibility, forecasts, intervals, changes));
        ImportReadingsService importer = TestServices.importReadingsService(ctx, new InMemoryBulkStore(store), plausibility,
                changes);
        CounterLocatorService locator = TestServices.counterLocator(ctx);
        ImportJobService jobs = new ImportJobService(new InMemoryImportJobs(), new LineFiles(), importer,
                new ImportMeteredDataService(ctx.transactions(), ctx.counters(), intervals, importer, locator), locator,
                        Runnable::run, clock);
        webhookService = new WebhookService(webhooks, new OutboundRules(new OutboundSettings(Set.of("127.0.0.1"),
                OutboundSettings.DEFAULT_TIMEOUT), TestApp::resolve), webhookSender, store, clock);
        app = HttpApi.create(new HttpSettings(BERLIN, maxBody), new JwtAuthenticator(jwt, clock), useCases, ready::get,
                LivenessCheck.ALWAYS_LIVE,
                HttpAddOns.none().withObservability(observability)
                        .withImports(new ImportUseCases(jobs, TestServices.intervalValues(ctx, intervals)))
                        .withEvents(new ChangeEventFeedService(store, store))
                        .withWebhooks(webhookService, clock));
        app.start("127.0.0.1", 0);
        http = new Http("http://127.0.0.1:" + app.port(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(20), json);
    }

    /** A resolver without DNS: literal addresses as they are, {@code *.internal} private, other names public. */
    static java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        if (host.endsWith(".invalid")) {
            throw new java.net.UnknownHostException(host);
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new java.net.InetAddress[] {java.net.InetAddress.getByName(host)};
        }
        byte[] address = host.endsWith(".internal") ? new byte[] {10, 1, 2, 3} : new byte[] {93, (byte) 184, (byte) 216, 34};
        return new java.net.InetAddress[] {java.net.InetAddress.getByAddress(host, address)};
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Registered as a static extension field: stops the app after the test class's last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    // ------------------------------------------------------------------ tokens

    String adminToken() {
        return adminToken(ORG);
    }

    String adminToken(String org) {
        return tokens.admin(org, "admin-user");
    }

    String portalToken(String contactId, String... contractIds) {
        return tokens.portal(ORG, "portal-user", contactId, contractIds);
    }

    static Caller admin() {
        return Caller.admin(new OrganizationId(ORG), "setup");
    }

    // ------------------------------------------------------------------ seeding through the use cases

    /** The counter most route tests write to: OBIS {@code 1-0:1.8.0}, direction {@code feed-out}. */
    static final Map<String, Object> FEED_OUT = Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out");
    /** A feed-out counter in kWh (OBIS 1-0:1.8.0). */
    static final Map<String, Object> FEED_OUT_KWH = Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out", "unit", "kWh");

    /** A relation attribute of a meter ({@code customer}, {@code contract}) to the one entity. */
    static Map<String, Object> relation(String entityId) {
        return Map.of("$relation", List.of(Map.of("entity_id", entityId)));
    }

    /** A relation attribute of a meter ({@code customer}, {@code contract}) to the one entity, with its {@code _slug}. */
    static Map<String, Object> relation(String entityId, String slug) {
        return Map.of("$relation", List.of(Map.of("entity_id", entityId, "_slug", slug)));
    }

    /** A createMeterReading body: {@code value} of the meter's counter at {@code timestamp}, from {@code source}. */
    static String reading(Meter meter, Counter counter, String value, String source, String timestamp) {
        return js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','value':" + value + ",'source':'" + source
                + "','timestamp':'" + timestamp + "'}");
    }

    /** A power meter whose customer relation names the contact, so that the contact's portal token reaches it. */
    Meter powerMeterOf(String contact) {
        return meter(Map.of("sector", "power", "customer", relation(contact)));
    }

    /** A meter created by an admin of {@link #ORG} from a body of attributes, read as the HTTP adapter reads it. */
    Meter meter(Map<String, Object> attributes) {
        return meter(admin(), attributes);
    }

    /** A meter created by {@code caller} from a body of attributes, read as the HTTP adapter reads it. */
    Meter meter(Caller caller, Map<String, Object> attributes) {
        return useCases.manageMeters().create(caller, MeterCommands.id(attributes), MeterCommands.changes(attributes, BERLIN));
    }

    /** Changes a meter as an admin of {@link #ORG} would with a body of attributes. */
    Meter updateMeter(Meter meter, Map<String, Object> attributes) {
        return useCases.manageMeters().update(admin(), meter.id(), MeterCommands.update(attributes, BERLIN));
    }

    Counter counter(Meter meter, Map<String, Object> attributes) {
        return counter(admin(), meter, attributes);
    }

    /** A counter created by {@code caller} from a body of attributes, read as the HTTP adapter reads it. */
    Counter counter(Caller caller, Meter meter, Map<String, Object> attributes) {
        return useCases.manageCounters().create(caller, meter.id(), CounterCommands.id(attributes),
                CounterCommands.changes(attributes));
    }

    /** Makes the meter governed (docs/domain.md#changesets) with the given {@code reading_governance}. */
    void govern(Meter meter, Map<String, Object> governance) {
        updateMeter(meter, Map.of("reading_governance", governance));
    }

    /** JSON written with single quotes for readability: {@code js("{'a':1}")}. */
    static String js(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    // ------------------------------------------------------------------ HTTP

    Http.Reply get(String path, String token) {
        return http.get(path, token);
    }

    Http.Reply post(String path, String token, String jsonBody) {
        return http.post(path, token, jsonBody);
    }

    Http.Reply patch(String path, String token, String jsonBody) {
        return http.patch(path, token, jsonBody);
    }

    Http.Reply put(String path, String token, String jsonBody) {
        return http.put(path, token, jsonBody);
    }

    Http.Reply delete(String path, String token) {
        return http.delete(path, token);
    }

    /** @param contentType null sends no Content-Type header; @param body null sends no body */
    Http.Reply send(String method, String path, String token, String contentType, String body) {
        return http.send(method, path, token, contentType, Http.utf8(body));
    }

    Http.Reply send(HttpRequest request) {
        return http.send(request);
    }

    String url(String path) {
        return http.url(path);
    }
}
