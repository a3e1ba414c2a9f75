package io.metering.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The tests' HTTP client for a service on a base URL: JSON bodies as text, bearer tokens, answers
 * as status, text and headers. Every call has a timeout, so a hang fails the test instead of
 * blocking the build.
 */
public final class Http {
    /** Reads numbers as BigDecimal, as the service writes them (reading values are exact decimals). */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** The timeout of one call of a client made by {@link #Http(String)}. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final String base;
    private final Duration callTimeout;
    private final ObjectMapper mapper;

    /**
     * A client speaking HTTP/1.1 with a 10 s connect timeout and {@link #CALL_TIMEOUT}, reading JSON
     * with {@link #JSON}.
     *
     * @param base e.g. {@code http://127.0.0.1:8080}
     */
    public Http(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build(),
                CALL_TIMEOUT, JSON);
    }

    /**
     * @param base e.g. {@code http://127.0.0.1:8080}
     * @param client the JDK client the calls go through
     * @param callTimeout the timeout of one call
     * @param mapper reads answers' JSON ({@link Reply#json()})
     */
    public Http(String base, HttpClient client, Duration callTimeout, ObjectMapper mapper) {
        this.base = base;
        this.client = client;
        this.callTimeout = callTimeout;
        this.mapper = mapper;
    }

    public String base() {
        return base;
    }

    /** The absolute URL of the path. */
    public String url(String path) {
        return base + path;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", utf8(json));
    }

    public Reply patch(String path, String token, String json) {
        return send("PATCH", path, token, "application/json", utf8(json));
    }

    public Reply put(String path, String token, String json) {
        return send("PUT", path, token, "application/json", utf8(json));
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /**
     * @param token null sends no Authorization header
     * @param contentType null sends no Content-Type header
     * @param body null sends no body
     */
    public Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(callTimeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b.build());
    }

    /** Sends a prepared request; the URI must be absolute. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers(), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getRawPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text's UTF-8 bytes; null stays null (no body). */
    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An answer.
     *
     * @param headers null where the answer came another way (e.g. a raw socket)
     * @param mapper reads {@link #json()}
     */
    public record Reply(int status, String body, HttpHeaders headers, ObjectMapper mapper) {
        /** An answer whose JSON is read with {@link Http#JSON}. */
        public Reply(int status, String body, HttpHeaders headers) {
            this(status, body, headers, JSON);
        }

        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** The header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Whether the body is a JSON object with non-blank text {@code message} and {@code reason}. */
        public boolean isErrorBody() {
            try {
                JsonNode n = mapper.readTree(body);
                return n != null && n.isObject() && n.path("message").isTextual() && !n.get("message").asText().isBlank()
                        && n.path("reason").isTextual() && !n.get("reason").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        public String reason() {
            return json().path("reason").asText();
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
