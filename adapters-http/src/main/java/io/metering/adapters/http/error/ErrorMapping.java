package io.metering.adapters.http.error;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.metering.adapters.http.auth.AuthenticationException;
import io.metering.adapters.http.web.CorrelationIds;
import io.metering.adapters.http.web.UnreadBody;
import io.metering.application.port.out.StoreUnavailableException;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from failures to HTTP answers (docs/architecture.md#errors). Every error answer is
 * JSON {@code {message, reason}}:
 * <table>
 *   <caption>status by failure</caption>
 *   <tr><td>{@link InvalidRequestException}</td><td>400, its reason code</td></tr>
 *   <tr><td>{@link AuthenticationException}</td><td>401 {@code unauthorized}</td></tr>
 *   <tr><td>{@link ForbiddenException}</td><td>403 {@code forbidden_option}</td></tr>
 *   <tr><td>{@link NotFoundException}, unknown route</td><td>404 {@code not_found}</td></tr>
 *   <tr><td>known path, other method</td><td>405 {@code method_not_allowed}</td></tr>
 *   <tr><td>{@link ConflictException}</td><td>409 {@code conflict}</td></tr>
 *   <tr><td>{@link HttpFailure}</td><td>406 {@code not_acceptable}, 413 {@code payload_too_large}, 415 {@code unsupported_media_type}, 503 {@code keys_unavailable}</td></tr>
 *   <tr><td>a request body Jetty cannot read ({@link UnreadableRequests}: broken chunked encoding, body shorter than
 *       declared)</td><td>Jetty's 4xx, else 400 {@code invalid_body}</td></tr>
 *   <tr><td>{@link StoreUnavailableException}</td><td>503 {@code service_unavailable} with {@code Retry-After}, logged
 *       as a warning without stack trace</td></tr>
 *   <tr><td>anything else</td><td>500 {@code internal_error} with {@code correlation_id}, logged with stack trace</td></tr>
 * </table>
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    /** Seconds a client should wait before retrying after a 503: about a database restart. */
    private static final String RETRY_AFTER_SECONDS = "5";

    /** Status of each member of the sealed rejection family. */
    private static final Map<Class<? extends MeteringException>, Integer> REJECTION_STATUS = Map.of(
            InvalidRequestException.class, 400,
            ForbiddenException.class, 403,
            NotFoundException.class, 404,
            ConflictException.class, 409);

    private ErrorMapping() {}

    /**
     * The status of a rejection type.
     *
     * @throws IllegalArgumentException for a type the table does not name
     */
    static int status(Class<? extends MeteringException> type) {
        Integer status = REJECTION_STATUS.get(type);
        if (status == null) {
            throw new IllegalArgumentException("no HTTP status for " + type.getName());
        }
        return status;
    }

    /** Installs the exception handlers into an app being configured. */
    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.routes.exception(MeteringException.class, (e, ctx) -> {
            int status = REJECTION_STATUS.getOrDefault(e.getClass(), 400);
            LOG.debug("{} {} rejected: {} {} {}", ctx.method(), ctx.path(), status, e.reason().code(), e.getMessage());
            answer(ctx, status, ErrorBody.of(e.getMessage(), e.reason().code()));
        });
        config.routes.exception(AuthenticationException.class, (e, ctx) -> {
            LOG.debug("{} {} unauthenticated: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            answer(ctx, 401, ErrorBody.of(e.getMessage(), ErrorReasons.UNAUTHORIZED));
        });
        config.routes.exception(HttpFailure.class, (e, ctx) -> answer(ctx, e.status(), ErrorBody.of(e.getMessage(), e.reason())));
        config.routes.exception(StoreUnavailableException.class, ErrorMapping::storeUnavailable);
        config.routes.exception(HttpResponseException.class, ErrorMapping::javalinResponse);
        config.routes.exception(Exception.class, (e, ctx) -> UnreadableRequests.status(e).ifPresentOrElse(
                status -> answer(ctx, status, ErrorBody.of("the request could not be read: it is malformed or ended early",
                        status == 400 ? ErrorReasons.INVALID_BODY : ErrorReasons.forStatus(status))),
                () -> unexpected(ctx, e)));
        config.router.javaLangErrorHandler((res, error) -> {
            String id = UUID.randomUUID().toString();
            LOG.error("internal error {}", id, error);
            res.setStatus(500);
            res.setContentType("application/json");
            try {
                res.getOutputStream().write(("{\"message\":\"internal error\",\"reason\":\"" + ErrorReasons.INTERNAL_ERROR
                        + "\",\"correlation_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the client is gone; the error is logged above
            }
        });
    }

    /** Answers Javalin's own refusals (no route, wrong method, body over the size limit). */
    private static void javalinResponse(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        switch (status) {
            case 404 -> answer(ctx, 404, ErrorBody.of("no route for " + ctx.method() + " " + shownPath(ctx), ErrorReasons.NOT_FOUND));
            case 405 -> {
                String allowed = String.join(", ", e.getDetails().values());
                if (!allowed.isBlank()) {
                    ctx.header(Header.ALLOW, allowed);
                }
                answer(ctx, 405, ErrorBody.of(ctx.method() + " is not allowed on " + shownPath(ctx), ErrorReasons.METHOD_NOT_ALLOWED));
            }
            case 413 -> answer(ctx, 413, ErrorBody.of("the request body is too large", ErrorReasons.PAYLOAD_TOO_LARGE));
            default -> {
                if (status >= 500) {
                    unexpected(ctx, e);
                } else {
                    answer(ctx, status, ErrorBody.of(String.valueOf(e.getMessage()), ErrorReasons.forStatus(status)));
                }
            }
        }
    }

    /** An outage, not a bug: a warning with the cause's message, and an answer that invites a retry. */
    private static void storeUnavailable(StoreUnavailableException e, Context ctx) {
        LOG.warn("{} {} answered 503 [{}]: {}", ctx.method(), ctx.path(), CorrelationIds.of(ctx), e.getMessage());
        ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
        answer(ctx, 503, ErrorBody.of("the database is unavailable; retry later", ErrorReasons.SERVICE_UNAVAILABLE));
    }

    private static void unexpected(Context ctx, Exception e) {
        String id = CorrelationIds.of(ctx);
        LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), e);
        answer(ctx, 500, new ErrorBody("internal error; quote correlation id " + id + " when reporting it",
                ErrorReasons.INTERNAL_ERROR, id));
    }

    private static String shownPath(Context ctx) {
        String path = ctx.path();
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    private static void answer(Context ctx, int status, ErrorBody body) {
        UnreadBody.discard(ctx);
        ctx.status(status).json(body);
    }
}
