package io.metering.adapters.http.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.error.HttpFailure;
import java.util.Locale;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * The {@code Content-Encoding} of request bodies (RFC 9110 section 8.4). A {@code gzip} body is
 * inflated by Jetty's {@link GzipHandler} before anyone reads it, so an ERP may compress a bulk
 * import; the inflated body counts against the same size limit as a plain one (413), because
 * Javalin counts the bytes it reads, not the declared length. Any other coding answers 415
 * {@code unsupported_media_type} naming it, where an operation reads a body, instead of the parse
 * error it got when the compressed bytes were read as JSON.
 */
public final class BodyEncoding {
    /** Bytes Jetty inflates at a time; the body's limit is counted by whoever reads it. */
    private static final int INFLATE_BUFFER_BYTES = 16 * 1024;

    private BodyEncoding() {}

    /**
     * Puts a handler in front of the app that inflates {@code gzip} request bodies (and drops the
     * coding from the request's headers) and compresses no answer: the answers stay as they were.
     */
    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> {
            GzipHandler gzip = new GzipHandler();
            gzip.setInflateBufferSize(INFLATE_BUFFER_BYTES);
            gzip.addExcludedPaths("/*"); // deflate no answer: the handler is here for request bodies only
            server.insertHandler(gzip);
        });
    }

    /**
     * For an operation that reads a body: a coding left on it (Jetty inflated and removed
     * {@code gzip}) answers 415.
     *
     * @throws HttpFailure 415 {@code unsupported_media_type} naming the coding
     */
    public static void requireDecoded(Context ctx) {
        String coding = ctx.header("Content-Encoding");
        if (coding == null) {
            return;
        }
        for (String c : coding.split(",")) {
            String name = c.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals("identity")) {
                throw HttpFailure.unsupportedEncoding(coding.trim());
            }
        }
    }
}
