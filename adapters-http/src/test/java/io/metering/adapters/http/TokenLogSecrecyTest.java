package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.metering.adapters.http.web.CorrelationIds;
import io.metering.application.access.Caller;
import io.metering.application.port.in.UseCases;
import io.metering.application.port.in.meter.ViewMetersQuery;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens and key material never reach the log: every caller of the access matrix drives
 * requests that succeed, are refused (401, 403, 404, 400) or fail unexpectedly (500), with this
 * service's own loggers at TRACE, and the captured events (messages, arguments, stack traces, MDC)
 * are searched for each token, its payload and signature parts, the HS256 secret and the private
 * RSA key; and so are the same events as the JSON log lines of {@code METERING_LOG_FORMAT=json}
 * (logstash-logback-encoder, which writes the request context of every line too).
 */
class TokenLogSecrecyTest {
    private static final List<String> VERBOSE = List.of("io.metering", "io.javalin", "org.eclipse.jetty", "com.nimbusds");

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levelsBefore = new LinkedHashMap<>();
    private MatrixTokens tokens;
    private TestApp t;

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        // this service's loggers at their most talkative; libraries at INFO, above what ships (WARN)
        for (String name : VERBOSE) {
            Logger logger = context.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(name.equals("io.metering") ? Level.TRACE : Level.INFO);
        }
        tokens = new MatrixTokens(dir, Clock.fixed(TestApp.START, ZoneOffset.UTC));
        t = new TestApp(tokens.settings(), u -> new UseCases(u.recordReadings(), u.listReadings(), failingCounterDetails(u.viewMeters()),
                u.manageMeters(), u.manageCounters(), u.updateReading(), u.deleteReading(), u.batchWrite(), u.prune(),
                u.submissions(), u.readingWithMeter(), u.allowedReadings(), u.changesets(), u.consumption(), u.queues()));
    }

    @AfterEach
    void restore() {
        t.close();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void noTokenSecretOrKeyEverReachesTheLog() {
        MatrixFixture f = MatrixFixture.seed(t, 1);
        List<String> sent = new ArrayList<>();
        for (MatrixPrincipal principal : MatrixPrincipal.values()) {
            Map<String, String> headers = principal.headers(tokens, f);
            String authorization = headers.get("Authorization");
            if (authorization != null) {
                sent.add(authorization.substring("Bearer ".length()));
            }
            for (String[] request : requests()) {
                send(request[0], MatrixRow.fill(request[1], f.values), headers, MatrixRow.fill(request[2], f.values));
            }
        }
        String admin = tokens.admin(f.orgA);
        sent.add(admin);
        // the token in the wrong scheme, without scheme, and next to an unsafe correlation id
        send("GET", "/v1/metering/admin/meters", Map.of("Authorization", "Basic " + admin), null);
        send("GET", "/v1/metering/admin/meters", Map.of("Authorization", admin), null);
        send("GET", "/v1/metering/admin/meters", Map.of("Authorization", "Bearer " + admin + " trailing"), null);
        send("GET", "/v1/metering/admin/meters", Map.of("Authorization", "Bearer " + admin, CorrelationIds.HEADER, admin), null);

        String json = jsonLines();
        String log = logText() + json;
        assertThat(log).as("the capture works: request lines and refusals are there")
                .contains("GET /v1/metering/meter/").contains("unauthenticated").contains("internal error");
        assertThat(json).as("JSON lines with the request context").contains("\"correlation_id\":").contains("\"caller_kind\":\"admin\"")
                .contains("\"route\":\"/v1/metering/meter/{id}\"");
        for (String token : sent) {
            String[] parts = token.split("\\.", -1);
            assertThat(log).as("a bearer token").doesNotContain(token);
            for (String part : parts) {
                if (part.length() >= 16) {
                    assertThat(log).as("a part of a bearer token").doesNotContain(part);
                }
            }
        }
        for (String secret : tokens.secrets()) {
            assertThat(log).as("key material").doesNotContain(secret);
        }
    }

    /** Every captured event as the JSON log line it becomes with {@code METERING_LOG_FORMAT=json}. */
    private String jsonLines() {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.start();
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : captured.list) {
            sb.append(new String(encoder.encode(e), StandardCharsets.UTF_8));
        }
        encoder.stop();
        return sb.toString();
    }

    /** Requests of every outcome: success, 400, 404, 403 for portal users, 500, and an unknown route. */
    private static List<String[]> requests() {
        return List.of(
                new String[] {"GET", "/v1/metering/meter/{M}", null},
                new String[] {"GET", "/v1/metering/counter/{C}", null},
                new String[] {"GET", "/v1/metering/admin/meters", null},
                new String[] {"POST", "/v1/metering/reading", TestApp.js("{'meter_id':'{M}','counter_id':'{C}','source':'360','value':-1}")},
                new String[] {"PATCH", "/v1/metering/reading/{G}/{GC}/changesets/{CS}", TestApp.js("{'proposed':{'value':60513}}")},
                new String[] {"GET", "/v1/metering/no-such-route", null});
    }

    private void send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        t.send(b.build());
    }

    /** Every captured event: formatted message, raw arguments, MDC and stack trace. */
    private String logText() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : captured.list) {
            sb.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            if (e.getArgumentArray() != null) {
                for (Object arg : e.getArgumentArray()) {
                    sb.append(arg).append('\n');
                }
            }
            sb.append(e.getMDCPropertyMap()).append('\n');
            if (e.getThrowableProxy() != null) {
                sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return sb.toString();
    }

    /** The views, except that getCounterDetails fails unexpectedly (a 500). */
    private static ViewMetersQuery failingCounterDetails(ViewMetersQuery real) {
        return (ViewMetersQuery) Proxy.newProxyInstance(ViewMetersQuery.class.getClassLoader(), new Class<?>[] {ViewMetersQuery.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("counter") && args[0] instanceof Caller) {
                        throw new IllegalStateException("the store failed while serving " + args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
