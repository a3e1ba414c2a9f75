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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC secret for HS256 tokens: {@code METERING_JWT_SECRET} when set; otherwise, when no JWK set
 * is configured, a random secret generated once and kept (owner-only) in the data directory, so
 * development tokens survive restarts; with a JWK set and no secret, none (HS256 is refused, so a
 * forgotten development secret can never open a production service). The secret itself is never
 * logged.
 */
public final class JwtSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecrets.class);
    private static final String FILE = "jwt-secret";

    private JwtSecrets() {}

    /**
     * @param config the configuration
     * @return the secret bytes (at least 32), or empty when only the JWK set verifies tokens
     */
    public static Optional<byte[]> resolve(Configuration config) {
        TokenConfiguration tokens = config.tokens();
        if (tokens.secret().isPresent()) {
            return Optional.of(tokens.secret().get().getBytes(StandardCharsets.UTF_8));
        }
        if (tokens.hasJwks()) {
            return Optional.empty();
        }
        Path file = config.dataDir().resolve(FILE);
        try {
            // owner-only, as the embedded store keeps it (docs/security.md)
            Files.createDirectories(config.dataDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!Files.exists(file)) {
                create(file);
                LOG.warn("METERING_JWT_SECRET is not set: generated a development secret in {}; set the variable in production", file);
            }
            byte[] secret = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new ConfigurationException(file + " holds fewer than 32 bytes; delete it to generate a new secret");
            }
            return Optional.of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** The file a generated development secret is kept in: {@code jwt-secret} in the data directory. */
    public static Path file(Configuration config) {
        return config.dataDir().resolve(FILE);
    }

    /**
     * The secret for minting development tokens: like {@link #resolve}, but never creates one, since a
     * token signed with a fresh secret would not verify against the running service.
     *
     * @throws ConfigurationException when neither METERING_JWT_SECRET nor the data directory's secret
     *     exists, or when only a JWK set verifies tokens (the service refuses HS256 then)
     */
    public static byte[] existing(Configuration config) {
        TokenConfiguration tokens = config.tokens();
        if (tokens.secret().isEmpty() && tokens.hasJwks()) {
            throw new ConfigurationException("only a JWK set verifies tokens (METERING_JWT_SECRET is not set), so the service refuses"
                    + " HS256 tokens: get tokens from your identity provider, or set METERING_JWT_SECRET");
        }
        if (tokens.secret().isEmpty() && !Files.exists(config.dataDir().resolve(FILE))) {
            throw new ConfigurationException("no signing secret: METERING_JWT_SECRET is not set and " + config.dataDir().resolve(FILE)
                    + " does not exist. Set METERING_JWT_SECRET, or METERING_DATA_DIR to the data directory of the running"
                    + " service (the demo and serve commands create the secret there on first start).");
        }
        return resolve(config).orElseThrow();
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
