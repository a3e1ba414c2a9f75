package io.metering.bootstrap.reliability;

import io.metering.testing.Http;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * One generated request: which operation and fault it tests, and the request itself.
 *
 * @param operation the operation's method and path template
 * @param fault what makes the request invalid (or "unusual" for probes that may be accepted)
 * @param method the HTTP method
 * @param target the raw path and query, already percent-encoded
 * @param token the bearer token
 * @param contentType the Content-Type header, null for none
 * @param body the body, null for none
 * @param chunked send the body without Content-Length
 */
record Probe(String operation, String fault, String method, String target, String token, String contentType, byte[] body,
        boolean chunked) {

    HttpRequest request(String base) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Http.CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return b.method(method, publisher).build();
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return operation + " [" + fault + "] " + method + " " + (target.length() > 300 ? target.substring(0, 300) + "..." : target)
                + (contentType == null ? "" : " (" + contentType + ")") + (body == null ? "" : " " + body.length + " bytes: " + shown);
    }
}
