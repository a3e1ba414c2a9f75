package io.metering.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC secret for HS256 tokens: {@code METERING_JWT_SECRET} when set; otherwise a random secret
 * generated once and kept (owner-only) in the data directory, so development tokens survive
 * restarts. The secret itself is never logged.
 */
public final class JwtSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecrets.class);
    private static final String FILE = "jwt-secret";

    private JwtSecrets() {}

    /**
     * @param config the configuration
     * @return the secret bytes (at least 32)
     */
    public static byte[] resolve(Configuration config) {
        if (config.jwtSecret().isPresent()) {
            return config.jwtSecret().get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = config.dataDir().resolve(FILE);
        try {
            Files.createDirectories(config.dataDir());
            if (!Files.exists(file)) {
                create(file);
                LOG.warn("METERING_JWT_SECRET is not set: generated a development secret in {}; set the variable in production", file);
            }
            byte[] secret = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new ConfigurationException(file + " holds fewer than 32 bytes; delete it to generate a new secret");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /**
     * The secret for minting development tokens: like {@link #resolve}, but never creates one, since a
     * token signed with a fresh secret would not verify against the running service.
     *
     * @throws ConfigurationException when neither METERING_JWT_SECRET nor the data directory's secret
     *     exists
     */
    public static byte[] existing(Configuration config) {
        if (config.jwtSecret().isEmpty() && !Files.exists(config.dataDir().resolve(FILE))) {
            throw new ConfigurationException("no signing secret: METERING_JWT_SECRET is not set and " + config.dataDir().resolve(FILE)
                    + " does not exist. Set METERING_JWT_SECRET, or METERING_DATA_DIR to the data directory of the running"
                    + " service (the demo and serve commands create the secret there on first start).");
        }
        return resolve(config);
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret, StandardCharsets.UTF_8);
    }
}
