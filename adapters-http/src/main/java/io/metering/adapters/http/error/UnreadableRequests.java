package io.metering.adapters.http.error;

import java.util.OptionalInt;
import java.util.zip.ZipException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Failures of the container while an operation reads the request: Jetty reports a malformed or
 * truncated body (a broken chunked encoding, a body shorter than its Content-Length, a
 * {@code Content-Encoding: gzip} body that is not gzip) as an exception from the read. They are
 * the client's fault, not the service's: 4xx, never 500.
 */
final class UnreadableRequests {
    private UnreadableRequests() {}

    /**
     * @return the status to answer when the failure is an unreadable request: Jetty's own 4xx code,
     *     or 400 for a body that ended early; empty for any other failure
     */
    static OptionalInt status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return OptionalInt.of(http.getCode());
            }
            if (t instanceof EofException || t instanceof ZipException) {
                return OptionalInt.of(400);
            }
        }
        return OptionalInt.empty();
    }
}
