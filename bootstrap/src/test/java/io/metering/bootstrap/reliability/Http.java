package io.metering.bootstrap.reliability;

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
 * A small HTTP client for the reliability tests: JSON bodies as text, answers as status, text and
 * headers. Every call has a generous timeout: a hang fails the test instead of blocking the build.
 */
final class Http {
    /** Reads numbers as BigDecimal, as the service writes them. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final String base;

    /** @param base e.g. {@code http://127.0.0.1:8080} */
    Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    String base() {
        return base;
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Reply patch(String path, String token, String json) {
        return send("PATCH", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param contentType null sends no Content-Type header
     * @param body null sends no body
     */
    Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT);
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
    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getRawPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer. */
    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** Whether the body is a JSON object with non-blank text {@code message} and {@code reason}. */
        boolean isErrorBody() {
            try {
                JsonNode n = JSON.readTree(body);
                return n != null && n.isObject() && n.path("message").isTextual() && !n.get("message").asText().isBlank()
                        && n.path("reason").isTextual() && !n.get("reason").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        String reason() {
            return json().path("reason").asText();
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
