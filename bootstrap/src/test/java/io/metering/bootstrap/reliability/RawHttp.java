package io.metering.bootstrap.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sends bytes no HTTP client library would send (malformed request lines, headers, encodings) over a
 * plain socket and reads whatever comes back, until the server closes the connection.
 */
final class RawHttp {
    private RawHttp() {}

    /** An answer as received: status, headers and body text. */
    record Answer(int status, String head, String body) {
        boolean isJson() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json");
        }
    }

    /**
     * @param request the whole request; it should ask the server to close ({@code Connection: close})
     * @return the first answer, or empty when the server closed the connection without one
     */
    static Optional<Answer> send(int port, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            s.shutdownOutput();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            try {
                in.transferTo(all);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // keep what arrived
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/")) {
                return Optional.empty();
            }
            int headEnd = text.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? text : text.substring(0, headEnd);
            String body = headEnd < 0 ? "" : new String(all.toByteArray(), headEnd + 4, all.size() - headEnd - 4, StandardCharsets.UTF_8);
            return Optional.of(new Answer(Integer.parseInt(text.substring(9, 12)), head, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
