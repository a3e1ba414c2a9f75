package io.metering.adapters.http;

import io.javalin.config.JavalinConfig;
import io.metering.adapters.http.observe.HttpObservability;
import io.metering.application.port.in.imports.ImportUseCases;
import io.metering.application.port.in.events.ChangeEventFeedQuery;
import io.metering.application.port.in.webhook.WebhooksUseCase;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a deployment adds to the API beyond the contract's operations: request metrics (and perhaps
 * {@code GET /metrics}), the imports over HTTP, and further routes or pages on the same app (the
 * customer portal). One value instead of a growing list of {@link HttpApi#create} overloads.
 *
 * @param observability request metrics and whether {@code GET /metrics} is served (docs/operations.md)
 * @param imports import jobs and interval values; empty serves neither
 * @param extensions more routes, files or plugins, added after the API's routes
 * @param events the change event feed (docs/events.md); empty serves none
 * @param webhooks the webhook subscriptions and the clock their answers read (docs/webhooks.md); empty serves none
 */
public record HttpAddOns(HttpObservability observability, Optional<ImportUseCases> imports, Consumer<JavalinConfig> extensions,
        Optional<ChangeEventFeedQuery> events, Optional<Webhooks> webhooks) {

    /**
     * The webhook operations.
     *
     * @param useCase the admin operations
     * @param clock the service's clock
     */
    public record Webhooks(WebhooksUseCase useCase, Clock clock) {}

    /** Checks the parts. */
    public HttpAddOns {
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** No metrics, no imports, nothing added. */
    public static HttpAddOns none() {
        return new HttpAddOns(HttpObservability.none(), Optional.empty(), config -> { }, Optional.empty(), Optional.empty());
    }

    /** These add-ons with the given request metrics. */
    public HttpAddOns withObservability(HttpObservability observability) {
        return new HttpAddOns(observability, imports, extensions, events, webhooks);
    }

    /** These add-ons serving the given imports. */
    public HttpAddOns withImports(ImportUseCases imports) {
        return new HttpAddOns(observability, Optional.of(imports), extensions, events, webhooks);
    }

    /** These add-ons with further routes, files or plugins. */
    public HttpAddOns withExtensions(Consumer<JavalinConfig> extensions) {
        return new HttpAddOns(observability, imports, extensions, events, webhooks);
    }

    /** These add-ons serving the webhook subscriptions. */
    public HttpAddOns withWebhooks(WebhooksUseCase useCase, Clock clock) {
        return new HttpAddOns(observability, imports, extensions, events, Optional.of(new Webhooks(useCase, clock)));
    }

    /** These add-ons serving the change event feed. */
    public HttpAddOns withEvents(ChangeEventFeedQuery events) {
        return new HttpAddOns(observability, imports, extensions, Optional.of(events), webhooks);
    }
}
