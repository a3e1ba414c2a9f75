package io.metering.adapters.http.changeset;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.adapters.http.auth.VerifiedToken;
import io.metering.adapters.http.reading.ReadingMapper;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.CallerHandler;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.JsonBody;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.port.in.changeset.AppliedChangeset;
import io.metering.application.port.in.changeset.ChangesetAddress;
import io.metering.application.port.in.changeset.ProposalChanges;
import io.metering.application.port.in.changeset.ReadingChangesetsUseCase;
import io.metering.application.port.in.changeset.UpdateChangesetCommand;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.MeterId;
import java.time.ZoneId;
import java.util.List;

/**
 * The contract's changeset operations (docs/domain.md#changesets), under
 * {@code /v1/metering/reading/{meter_id}/{counter_id}/changesets}:
 * <ul>
 *   <li>getReadingChangesets {@code GET .../changesets} (EitherAuth) → {@code {changesets: [...]}};</li>
 *   <li>updateReadingChangeset {@code PATCH .../changesets/{changeset_id}} (EpilotAuth,
 *       {@code meter_reading:edit}), body
 *       {@code {proposed: {...}}} → the changeset;</li>
 *   <li>applyReadingChangeset {@code POST .../changesets/{changeset_id}:apply} (EpilotAuth,
 *       {@code meter_reading:edit}) →
 *       {@code {reading, changeset}}; the proposal goes through normal validation, and a rejected
 *       one answers 400 and stays pending;</li>
 *   <li>dismissReadingChangeset {@code POST .../changesets/{changeset_id}:dismiss} (EpilotAuth,
 *       {@code meter_reading:edit}),
 *       optional body {@code {reason}} → the changeset with {@code dismissed_reason} and
 *       {@code dismissed_at}.</li>
 * </ul>
 * The contract requires the {@code meter_reading:edit} permission for apply and dismiss; patch edits
 * the same approval state, so it needs it too. Only admin tokens that list their permissions are
 * held to it ({@link Guard}).
 *
 * <p>{@code :apply} and {@code :dismiss} are literal suffixes of the last path segment. They are
 * served by ONE route on the whole segment, {@code .../changesets/{changeset_action}}, which splits
 * it at its last {@code ':'}: the router matches the raw path, so two literal routes would miss a
 * client that percent-encodes the colon ({@code %3Aapply}), while a path parameter arrives decoded.
 * An unknown action answers 404 like an unknown route, before authentication. Body-less POSTs and
 * PATCHes are accepted whatever content type they announce ({@link JsonBody#optionalTree}).
 *
 * @param changesets the changeset use cases
 * @param guard authentication and admission
 * @param body JSON body reader
 * @param businessZone zone of local date-time inputs
 */
public record ChangesetRoutes(ReadingChangesetsUseCase changesets, Guard guard, JsonBody body, ZoneId businessZone) {
    /** Path of getReadingChangesets. */
    public static final String CHANGESETS = "/v1/metering/reading/{meter_id}/{counter_id}/changesets";
    /** Path of updateReadingChangeset. */
    public static final String CHANGESET = CHANGESETS + "/{changeset_id}";
    /** The one route that serves every {@link #ACTIONS action}. */
    public static final String CHANGESET_ACTION = CHANGESETS + "/{changeset_action}";
    /** The actions, each a literal {@code :action} suffix of the changeset id. */
    public static final List<String> ACTIONS = List.of("apply", "dismiss");

    private static final ChangesetMapper MAPPER = ChangesetMapper.INSTANCE;

    /** The documented paths the action route serves: {@code .../changesets/{changeset_id}:apply}, .... */
    public static List<String> actionPaths() {
        return ACTIONS.stream().map(a -> CHANGESET + ":" + a).toList();
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(CHANGESETS, guard.require(Access.ADMIN_OR_PORTAL, this::list));
        routes.patch(CHANGESET, guard.require(Access.ADMIN, VerifiedToken.METER_READING_EDIT, this::update));
        routes.post(CHANGESET_ACTION, this::action);
    }

    private void list(Context ctx, Caller caller) {
        var pending = changesets.pending(caller, meterId(ctx), counterId(ctx));
        ctx.json(new ChangesetListResponse(MAPPER.toResponses(pending)));
    }

    private void update(Context ctx, Caller caller) {
        ChangesetAddress address = address(ctx, ctx.pathParam("changeset_id"));
        ProposalChanges changes = body.readOptional(ctx, UpdateChangesetRequest.class)
                .map(UpdateChangesetRequest::proposed)
                .map(this::changes)
                .orElse(null);
        ctx.json(MAPPER.toResponse(changesets.update(new UpdateChangesetCommand(caller, address, changes))));
    }

    private ProposalChanges changes(ProposedReadingRequest proposed) {
        try {
            return ProposalMapper.INSTANCE.toChanges(proposed, businessZone);
        } catch (InvalidRequestException e) {
            throw e.getMessage().startsWith("proposed.") ? e : e.at("proposed");
        }
    }

    /** Splits {@code {changeset_id}:{action}} and runs the action for an admin caller. */
    private void action(Context ctx) throws Exception {
        String segment = ctx.pathParam("changeset_action");
        int colon = segment.lastIndexOf(':');
        String verb = colon < 0 ? "" : segment.substring(colon + 1);
        String changesetId = colon < 0 ? segment : segment.substring(0, colon);
        CallerHandler handler = switch (verb) {
            case "apply" -> (c, caller) -> apply(c, caller, changesetId);
            case "dismiss" -> (c, caller) -> dismiss(c, caller, changesetId);
            default -> throw new NotFoundException("no route for POST " + Params.shown(ctx.path())
                    + "; changeset actions are " + String.join(", ", actionPaths()));
        };
        guard.require(Access.ADMIN, VerifiedToken.METER_READING_EDIT, handler).handle(ctx);
    }

    private void apply(Context ctx, Caller caller, String changesetId) {
        AppliedChangeset applied = changesets.apply(caller, address(ctx, changesetId));
        ctx.json(new AppliedChangesetResponse(ReadingMapper.INSTANCE.toResponse(applied.reading()), MAPPER.toResponse(applied.changeset())));
    }

    private void dismiss(Context ctx, Caller caller, String changesetId) {
        ChangesetAddress address = address(ctx, changesetId);
        String reason = body.readOptional(ctx, DismissChangesetRequest.class).map(DismissChangesetRequest::reason).orElse(null);
        ctx.json(MAPPER.toResponse(changesets.dismiss(caller, address, reason)));
    }

    private static ChangesetAddress address(Context ctx, String changesetId) {
        return ChangesetAddress.of(meterId(ctx), counterId(ctx), Params.shown(changesetId));
    }

    private static MeterId meterId(Context ctx) {
        return Params.meterId(ctx.pathParam("meter_id"));
    }

    private static CounterId counterId(Context ctx) {
        return Params.counterId(ctx.pathParam("counter_id"));
    }
}
