package io.metering.application.port.in.webhook;

import java.time.Instant;

/**
 * The new signing secret after a rotation, shown this once; the previous secret signs too until
 * {@code previousValidUntil}.
 *
 * @param secret the new secret ({@code whsec_...})
 * @param previousValidUntil until when messages also carry the previous secret's signature
 */
public record RotatedSecret(String secret, Instant previousValidUntil) {
    @Override
    public String toString() {
        return "RotatedSecret[***, previous until " + previousValidUntil + "]";
    }
}
