package io.metering.bootstrap.cli;

import io.metering.adapters.http.auth.TokenClaims;
import io.metering.adapters.http.auth.TokenMinter;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.ConfigurationException;
import io.metering.bootstrap.config.JwtSecrets;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;

/** A service running on this machine's embedded store, found by the lock it holds on the data directory. */
final class RunningService {
    private RunningService() {}

    /** Whether another process holds the data directory's lock (a serving instance), so the store cannot be opened here. */
    static boolean holds(Path dataDir) {
        Path lockFile = dataDir.resolve("metering.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // the start that follows reports what is wrong with the directory
        }
    }

    /** An admin token of the organization, minted with the configured HS256 secret (one hour), or null without one. */
    static String adminToken(Configuration config, String org) {
        try {
            return new TokenMinter(Serving.jwtSettings(config, JwtSecrets.existing(config)), Clock.systemUTC())
                    .mint(TokenClaims.admin(org, "cli-import"), Duration.ofHours(1));
        } catch (ConfigurationException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }
}
