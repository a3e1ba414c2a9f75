package io.metering.adapters.http.imports;

import io.metering.adapters.http.error.TransportReason;
import io.metering.application.model.ImportCommit;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.adapters.http.web.Access;
import io.metering.adapters.http.web.BodyCharset;
import io.metering.adapters.http.web.BodyEncoding;
import io.metering.adapters.http.web.Envelope;
import io.metering.adapters.http.web.Guard;
import io.metering.adapters.http.web.Params;
import io.metering.application.access.Caller;
import io.metering.application.model.ImportJob;
import io.metering.application.port.in.imports.ImportJobsUseCase;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.model.ImportUpload;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports over HTTP, beside the running service (docs/import-export.md "Imports over HTTP"), admin
 * tokens only:
 * <ul>
 *   <li>{@code POST /v1/metering/admin/imports}: the body is the file (CSV: {@code text/csv};
 *       MSCONS: {@code application/edifact}; {@code application/octet-stream} or none: found from the
 *       content), streamed to disk; query {@code format}, {@code commit} ({@code file}|{@code chunk}),
 *       {@code chunk_size}, {@code skip_validation}, {@code delimiter}, {@code decimal_comma}.
 *       Answers 202 with the queued job at once; the file is imported behind.</li>
 *   <li>{@code GET /v1/metering/admin/imports/{id}}: the job, its progress and its refusals.</li>
 *   <li>{@code GET /v1/metering/admin/imports/{id}/refusals}: the refusals with their positions.</li>
 * </ul>
 * The body is not bound by the request size limit of JSON requests, only by {@link #MAX_UPLOAD_BYTES}.
 *
 * @param jobs the use case
 * @param guard authentication and admission
 */
public record ImportRoutes(ImportJobsUseCase jobs, Guard guard) {
    /** The upload path; {@code HttpApi} exempts it from the JSON body limit. */
    public static final String IMPORTS = "/v1/metering/admin/imports";
    /** The largest file taken: 4 GiB (a million CSV rows are about 150 MB). */
    public static final long MAX_UPLOAD_BYTES = 4L << 30;

    /** Checks that no collaborator is missing. */
    public ImportRoutes {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(guard, "guard");
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.post(IMPORTS, guard.require(Access.ADMIN, this::upload));
        routes.get(IMPORTS + "/{id}", guard.require(Access.ADMIN, this::job));
        routes.get(IMPORTS + "/{id}/refusals", guard.require(Access.ADMIN, this::refusals));
    }

    private void upload(Context ctx, Caller caller) {
        BodyCharset.requireUtf8(BodyCharset.contentType(ctx)); // the readers decode UTF-8 only
        BodyEncoding.requireDecoded(ctx); // gzip is inflated by Jetty, counted against MAX_UPLOAD_BYTES inflated
        String format = format(ctx);
        ImportCommit commit = Params.code(ctx, "commit", c -> switch (c.toLowerCase(Locale.ROOT)) {
            case "file" -> Optional.of(ImportCommit.FILE);
            case "chunk" -> Optional.of(ImportCommit.CHUNK);
            default -> Optional.empty();
        }, "file, chunk", ImportCommit.FILE);
        int chunkSize = (int) Params.integer(ctx, "chunk_size", ImportReadingsCommand.DEFAULT_CHUNK_SIZE, 1,
                ImportReadingsCommand.MAX_CHUNK_SIZE);
        boolean validate = !Params.bool(ctx, "skip_validation", false);
        Map<String, String> options = new HashMap<>();
        Optional.ofNullable(Params.text(ctx, "delimiter")).ifPresent(d -> options.put("delimiter", d));
        if (ctx.queryParam("decimal_comma") != null) {
            options.put("decimal_comma", Boolean.toString(Params.bool(ctx, "decimal_comma", false)));
        }
        Path file = spool(ctx);
        ImportJob job = jobs.submit(caller, new ImportUpload(file, format, commit, chunkSize, validate, options));
        ctx.status(HttpStatus.ACCEPTED).header("Location", IMPORTS + "/" + job.id()).json(new Envelope.Data(ImportJobJson.of(job)));
    }

    /** The format the content type or the {@code format} parameter names; null to find it from the content. */
    private static String format(Context ctx) {
        String asked = Params.text(ctx, "format");
        if (asked != null) {
            return switch (asked.toLowerCase(Locale.ROOT)) {
                case "csv" -> "csv";
                case "mscons", "edifact" -> "mscons";
                default -> throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT,
                        "format must be csv or mscons, not '" + Params.shown(asked) + "'");
            };
        }
        String type = BodyCharset.contentType(ctx);
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (media) {
            case "text/csv", "application/csv", "text/comma-separated-values" -> "csv";
            case "application/edifact", "application/edi-x12", "application/x-edifact" -> "mscons";
            case "", "application/octet-stream", "text/plain" -> null;
            default -> throw HttpFailure.unsupportedMediaType(type, "text/csv, application/edifact or application/octet-stream");
        };
    }

    /** Streams the body to a file of its own, never holding it in memory. */
    private static Path spool(Context ctx) {
        Path file = null;
        try {
            file = Files.createTempFile("metering-import-", ".upload");
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > MAX_UPLOAD_BYTES) {
                        throw HttpFailure.payloadTooLarge(MAX_UPLOAD_BYTES);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw new InvalidRequestException(TransportReason.INVALID_BODY, "the body is empty; send the file to import");
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system's temp cleaning takes it
        }
    }

    private void job(Context ctx, Caller caller) {
        ctx.json(new Envelope.Data(ImportJobJson.of(jobs.find(caller, id(ctx)))));
    }

    private void refusals(Context ctx, Caller caller) {
        ctx.json(new Envelope.Data(ImportJobJson.of(jobs.find(caller, id(ctx))).refusals()));
    }

    private static UUID id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("import job " + Params.shown(text) + " not found");
        }
    }
}
