package io.metering.adapters.http.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;

/**
 * A JWK set read from a file each time the cache in front of it asks ({@link JwkSources}), so that
 * replacing the file rotates keys without a restart. Only the public parts of the keys are kept: a
 * file that also holds private keys works, but their private parts never stay in memory.
 */
final class JwkFileSource implements JWKSetSource<SecurityContext> {
    private final Path file;

    /** @param file the JWK set file ({@code {"keys": [...]}}) */
    JwkFileSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            return JWKSet.load(file.toFile()).toPublicJWKSet();
        } catch (IOException e) {
            throw new JWKSetUnavailableException("cannot read the JWK set file " + file, e);
        } catch (ParseException e) {
            throw new JWKSetParseException("the JWK set file " + file + " is not a JWK set", e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
