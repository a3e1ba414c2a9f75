package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.metering.adapters.http.observe.RequestLogContext;
import io.metering.adapters.http.web.CorrelationIds;
import io.metering.domain.meter.Meter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Every log line of a request carries its context: correlation id, the W3C trace id of an incoming
 * {@code traceparent}, the route template, the organization and the caller kind; and nothing of it
 * leaks into the next request served on the same thread.
 */
class RequestLogContextTest {
    @RegisterExtension
    static final TestApp t = new TestApp();

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void release() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
    }

    @Test
    void anIncomingTraceparentsTraceIdAndTheCallerAreInTheRequestsLogLines() {
        Meter meter = t.meter(Map.of());
        send("/v1/metering/meter/" + meter.id(), Map.of("Authorization", "Bearer " + t.adminToken(), "traceparent", TRACEPARENT,
                CorrelationIds.HEADER, "erp-call-17"));

        Map<String, String> mdc = requestLine("erp-call-17").getMDCPropertyMap();
        assertThat(mdc).containsEntry(RequestLogContext.TRACE_ID, TRACE_ID)
                .containsEntry(RequestLogContext.CORRELATION_ID, "erp-call-17")
                .containsEntry(RequestLogContext.ROUTE, "/v1/metering/meter/{id}")
                .containsEntry(RequestLogContext.ORG, TestApp.ORG)
                .containsEntry(RequestLogContext.CALLER_KIND, "admin");
    }

    @Test
    void aMalformedTraceparentIsIgnoredAndNothingCarriesOverToTheNextRequest() {
        send("/health", Map.of("traceparent", TRACEPARENT, CorrelationIds.HEADER, "first"));
        send("/health", Map.of("traceparent", "00-" + TRACE_ID + "-zz-01", CorrelationIds.HEADER, "malformed"));
        send("/v1/metering/admin/meters", Map.of("Authorization", "Bearer " + t.adminToken(), CorrelationIds.HEADER, "admin-call"));
        send("/health", Map.of(CorrelationIds.HEADER, "plain"));

        assertThat(requestLine("first").getMDCPropertyMap()).containsEntry(RequestLogContext.TRACE_ID, TRACE_ID);
        assertThat(requestLine("malformed").getMDCPropertyMap()).doesNotContainKey(RequestLogContext.TRACE_ID);
        assertThat(requestLine("plain").getMDCPropertyMap()).containsEntry(RequestLogContext.ROUTE, "/health")
                .doesNotContainKeys(RequestLogContext.TRACE_ID, RequestLogContext.ORG, RequestLogContext.CALLER_KIND);
    }

    private void send(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        t.send(b.build());
    }

    /** The request line (logged after the answer) of the request with that correlation id. */
    private ILoggingEvent requestLine(String correlationId) {
        List<ILoggingEvent> lines = captured.list.stream()
                .filter(e -> e.getLoggerName().equals(HttpApi.class.getName()) && e.getFormattedMessage().endsWith("[" + correlationId + "]"))
                .toList();
        assertThat(lines).as("the request line of %s", correlationId).hasSize(1);
        return lines.get(0);
    }
}
