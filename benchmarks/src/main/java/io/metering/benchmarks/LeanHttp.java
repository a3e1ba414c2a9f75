package io.metering.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load driver's HTTP/1.1 client: one kept-alive connection per client thread, POSTs of
 * pre-encoded bodies (ingest) and GETs (pages), each answer read to its end (status, headers, the
 * whole body, plain or chunked). The driver shares the two cores with the service and PostgreSQL,
 * so what it burns is taken from the service: the JDK's {@code HttpClient} spent about 2.5 CPU-s
 * per 100,000 readings (1,000 requests) on its asynchronous machinery, and each of its requests
 * passes between three threads (caller, selector, executor), which shows in a page's latency. This
 * client does the same work on the wire with a blocking socket on the caller's thread.
 */
final class LeanHttp implements AutoCloseable {
    private final String host;
    private final int port;
    private final String token;
    private final byte[] head;
    private final byte[] line = new byte[8192];
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /**
     * @param base the service's base URL, {@code http://host:port}
     * @param path the path every POST goes to
     * @param token the bearer token
     */
    LeanHttp(String base, String path, String token) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.token = token;
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * POSTs the body and reads the whole answer.
     *
     * @return the status code
     */
    int post(byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(head);
        out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return answer(null);
    }

    /**
     * GETs {@code pathAndQuery} with this client's token and reads the whole answer into {@code body}.
     *
     * @return the status code
     */
    int get(String pathAndQuery, ByteArrayOutputStream body) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return answer(body);
    }

    /** Reads one answer to its end, its body into {@code body} or dropped where that is null. */
    private int answer(ByteArrayOutputStream body) throws IOException {
        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size, body);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length, body);
        } else {
            close = true; // the body runs to the end of the connection
            for (int read = in.read(line); read >= 0; read = in.read(line)) {
                if (body != null) {
                    body.write(line, 0, read);
                }
            }
        }
        if (close) {
            close();
        }
        return code;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
    }

    private long chunkSize() throws IOException {
        String size = readLine();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private void skip(long n, ByteArrayOutputStream body) throws IOException {
        while (n > 0) {
            int read = in.read(line, 0, (int) Math.min(line.length, n));
            if (read < 0) {
                throw new EOFException("the answer ended early");
            }
            if (body != null) {
                body.write(line, 0, read);
            }
            n -= read;
        }
    }

    /** One header line without its CRLF (ASCII). */
    private String readLine() throws IOException {
        int n = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (n < line.length) {
                line[n++] = (byte) b;
            }
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
