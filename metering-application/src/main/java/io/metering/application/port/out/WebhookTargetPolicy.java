package io.metering.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * The outbound rules a webhook URL must pass before the service calls it (docs/webhooks.md
 * "Outbound protection"): HTTPS unless the operator lists the host, no credentials in the URL, no
 * private address unless listed.
 */
public interface WebhookTargetPolicy {
    /** Why the URL is refused, or empty when it may be called. */
    Optional<String> refusal(URI url);
}
