package io.metering.application.port.in.webhook;

import io.metering.application.model.WebhookSubscription;

/**
 * A created subscription and its signing secret, which is shown this once.
 *
 * @param subscription the stored subscription
 * @param secret its signing secret ({@code whsec_...})
 */
public record CreatedWebhook(WebhookSubscription subscription, String secret) {
    @Override
    public String toString() {
        return "CreatedWebhook[" + subscription.id() + ", secret=***]";
    }
}
