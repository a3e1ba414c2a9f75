package io.metering.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** TCP ports for servers a test starts on a fixed address (a service restarted at the same port, its PostgreSQL). */
public final class FreePorts {
    private FreePorts() {}

    /** A port free at the time of the call (another process may take it before the test binds it). */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
