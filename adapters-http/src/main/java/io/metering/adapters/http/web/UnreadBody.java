package io.metering.adapters.http.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards what is left of a request body before an error answer that came before the
 * body was read (413 for a body declared too large, 401, 404, ...). Otherwise the server closes a
 * connection that still holds unread request bytes; the kernel then resets it, and the reset
 * destroys the answer in the client's receive buffer: the client sees "connection reset" instead
 * of the error (1 in about 100 oversize requests of {@code BadInputTest}). Bodies beyond
 * {@link #MAX_DISCARDED} are not read; their connections are still closed unread.
 */
public final class UnreadBody {
    /** The most a request body is read to deliver an error answer cleanly: 16 MiB. */
    public static final long MAX_DISCARDED = 16L * 1024 * 1024;

    private UnreadBody() {}

    /** Discards the rest of the body, if it is small enough; a failing read (client gone) is ignored. */
    public static void discard(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || declared > MAX_DISCARDED) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = in.read(buffer); n >= 0 && total <= MAX_DISCARDED; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException | IllegalStateException | UnsupportedOperationException e) {
            // the client is gone, or the body was taken as a reader: nothing left to read here
        }
    }
}
