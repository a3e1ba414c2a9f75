package io.metering.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} uploads to the local service exactly when a service holds the embedded store's data directory. */
class RunningServiceTest {
    @TempDir
    Path dataDir;

    @Test
    void aHeldDataDirectoryMeansARunningService() throws IOException {
        assertThat(RunningService.holds(dataDir)).as("no lock file").isFalse();
        try (FileChannel channel = FileChannel.open(dataDir.resolve("metering.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThat(RunningService.holds(dataDir)).as("a lock file nobody holds (a stopped service)").isFalse();
            try (FileLock held = channel.lock()) {
                assertThat(RunningService.holds(dataDir)).as("held, as a serving instance holds it").isTrue();
            }
        }
    }
}
