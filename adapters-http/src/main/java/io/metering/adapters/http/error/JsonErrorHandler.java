package io.metering.adapters.http.error;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests refused before they reach the app (a malformed URI, oversized
 * headers), as JSON {@code {message, reason}} like every other error instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    /**
     * Every method gets the JSON body: Jetty's default writes one only for GET, POST and HEAD, so a
     * PATCH or DELETE with oversized headers got an empty 431.
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String text = message == null || message.isBlank() ? "the request was refused" : message;
        String body = "{\"message\":\"" + escape(text) + "\",\"reason\":\"" + ErrorReasons.forStatus(code) + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty closes the connection after refusing a request it could not parse (414 did not say
        // so), and a client that reuses it then loses its next request
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
