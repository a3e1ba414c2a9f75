package io.metering.bootstrap.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster state PostgreSQL records in {@code global/pg_control}, read without its tools (the
 * embedded binaries ship no {@code pg_controldata}). {@code ControlFileData} starts with the system
 * identifier (8 bytes), {@code pg_control_version} and {@code catalog_version_no} (4 bytes each),
 * then {@code state}, an enum in native byte order (little endian here), unchanged since 9.x.
 */
final class PgControl {
    /** {@code DB_SHUTDOWNED}: the last stop was clean ("shut down" in pg_controldata). */
    static final int SHUT_DOWN = 1;
    /** {@code DB_IN_PRODUCTION}: running, or stopped without a shutdown checkpoint (crash). */
    static final int IN_PRODUCTION = 6;

    private PgControl() {}

    /** The recorded cluster state of the PostgreSQL data directory. */
    static int state(Path pgData) {
        try {
            byte[] bytes = Files.readAllBytes(pgData.resolve("global").resolve("pg_control"));
            return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getInt(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
