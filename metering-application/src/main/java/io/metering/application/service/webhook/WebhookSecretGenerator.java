package io.metering.application.service.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes signing secrets in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random
 * bytes (the specification asks for 24 to 64; docs/webhooks.md "Secret and rotation").
 */
final class WebhookSecretGenerator {
    static final String PREFIX = "whsec_";
    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecretGenerator() {}

    static String next() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
