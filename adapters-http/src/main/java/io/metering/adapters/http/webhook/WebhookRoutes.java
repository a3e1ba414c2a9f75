package io.metering.adapters.http.webhook;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.port.in.webhook.CreatedWebhook;
import io.metering.application.port.in.webhook.RotatedSecret;
import io.metering.application.port.in.webhook.WebhooksUseCase;
import io.metering.domain.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The webhook subscriptions of the caller's organization (docs/webhooks.md), admin tokens only:
 * <ul>
 *   <li>{@code POST /v1/metering/webhooks}: create; the answer (201) carries the signing secret, once;</li>
 *   <li>{@code GET /v1/metering/webhooks}, {@code GET|PATCH|DELETE /v1/metering/webhooks/{id}};</li>
 *   <li>{@code POST .../{id}/rotate-secret?overlap_hours=}: a new secret, the old one signing on for the overlap;</li>
 *   <li>{@code POST .../{id}/test}: a signed test message now, answered with its attempt;</li>
 *   <li>{@code POST .../{id}/replay?after=<cursor>}: deliver again after a feed cursor;</li>
 *   <li>{@code GET .../{id}/attempts?from=&size=}: the attempts, newest first.</li>
 * </ul>
 *
 * @param webhooks the use case
 * @param guard authentication and admission
 * @param body reads JSON bodies
 * @param clock tells whether a previous secret still signs, for the answers
 */
public record WebhookRoutes(WebhooksUseCase webhooks, Guard guard, JsonBody body, Clock clock) {
    /** The collection's path. */
    public static final String WEBHOOKS = "/v1/metering/webhooks";
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    /** Checks that no collaborator is missing. */
    public WebhookRoutes {
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(clock, "clock");
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.post(WEBHOOKS, guard.require(Access.ADMIN, this::create));
        routes.get(WEBHOOKS, guard.require(Access.ADMIN, this::list));
        routes.get(WEBHOOKS + "/{id}", guard.require(Access.ADMIN, this::get));
        routes.patch(WEBHOOKS + "/{id}", guard.require(Access.ADMIN, this::update));
        routes.delete(WEBHOOKS + "/{id}", guard.require(Access.ADMIN, this::delete));
        routes.post(WEBHOOKS + "/{id}/rotate-secret", guard.require(Access.ADMIN, this::rotate));
        routes.post(WEBHOOKS + "/{id}/test", guard.require(Access.ADMIN, this::test));
        routes.post(WEBHOOKS + "/{id}/replay", guard.require(Access.ADMIN, this::replay));
        routes.get(WEBHOOKS + "/{id}/attempts", guard.require(Access.ADMIN, this::attempts));
    }

    private void create(Context ctx, Caller caller) {
        CreatedWebhook created = webhooks.create(caller, WebhookBodies.draft(body.tree(ctx)));
        ctx.status(HttpStatus.CREATED).header("Location", WEBHOOKS + "/" + created.subscription().id())
                .json(new Envelope.Data(WebhookJson.of(created.subscription(), clock.instant(), created.secret())));
    }

    private void list(Context ctx, Caller caller) {
        ctx.json(new Envelope.Data(webhooks.list(caller).stream().map(s -> WebhookJson.of(s, clock.instant())).toList()));
    }

    private void get(Context ctx, Caller caller) {
        ctx.json(new Envelope.Data(WebhookJson.of(webhooks.get(caller, id(ctx)), clock.instant())));
    }

    private void update(Context ctx, Caller caller) {
        UUID id = id(ctx);
        ctx.json(new Envelope.Data(WebhookJson.of(webhooks.update(caller, id, WebhookBodies.changes(body.tree(ctx))), clock.instant())));
    }

    private void delete(Context ctx, Caller caller) {
        webhooks.delete(caller, id(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void rotate(Context ctx, Caller caller) {
        UUID id = id(ctx);
        long hours = Params.integer(ctx, "overlap_hours", WebhooksUseCase.DEFAULT_OVERLAP.toHours(), 0,
                WebhooksUseCase.MAX_OVERLAP.toHours());
        RotatedSecret rotated = webhooks.rotateSecret(caller, id, Duration.ofHours(hours));
        ctx.json(new Envelope.Data(Map.of("secret", rotated.secret(), "previous_secret_valid_until", rotated.previousValidUntil())));
    }

    private void test(Context ctx, Caller caller) {
        ctx.json(new Envelope.Data(WebhookJson.Attempt.of(webhooks.test(caller, id(ctx)))));
    }

    private void replay(Context ctx, Caller caller) {
        UUID id = id(ctx);
        String after = Params.requiredText(ctx, "after");
        ctx.json(new Envelope.Data(WebhookJson.of(webhooks.replay(caller, id, after), clock.instant())));
    }

    private void attempts(Context ctx, Caller caller) {
        UUID id = id(ctx);
        long from = Params.integer(ctx, "from", 0, 0, Integer.MAX_VALUE);
        int size = (int) Params.integer(ctx, "size", DEFAULT_PAGE, 1, MAX_PAGE);
        var page = webhooks.attempts(caller, id, new PageRequest(from, size)).map(WebhookJson.Attempt::of);
        ctx.json(new Envelope.Page(page.items(), page.total()));
    }

    private static UUID id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("webhook " + Params.shown(text) + " not found");
        }
    }
}
