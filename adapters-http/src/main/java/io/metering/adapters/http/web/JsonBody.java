package io.metering.adapters.http.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.adapters.http.error.TransportReason;
import io.metering.adapters.http.json.JsonTrees;
import io.metering.adapters.http.json.StorableText;
import io.metering.adapters.http.json.TextOnly;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads JSON request bodies: only {@code application/json} (or {@code application/*+json}) in UTF-8
 * is read, plain or gzip-compressed, else 415 ({@link BodyCharset}, {@link BodyEncoding}); the size
 * limit applies (413), to the inflated body too; malformed JSON or a wrong shape answers 400
 * {@code invalid_body}. Operations without a body never call this, so their content type is
 * never looked at.
 *
 * <p>Operations whose body the contract marks optional use the {@code optional...} readers: there
 * an empty body means "no body" whatever content type came with it, because axios sends
 * {@code application/x-www-form-urlencoded} on a POST without data. A non-empty body must still be
 * JSON.
 *
 * <p>Text that cannot be stored as sent (NUL, unpaired surrogates; {@link StorableText}) answers
 * 400 {@code invalid_body}, wherever it is in the body.
 */
public final class JsonBody {
    private final ObjectMapper mapper;
    private final ObjectReader trees;

    /** @param mapper the adapter's mapper ({@link io.metering.adapters.http.json.JsonMapping}) */
    public JsonBody(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.trees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * A reader of a body token by token, for a hot route: it takes the body whole or answers empty,
     * deciding nothing, so that the route reads the body with {@link #tree} and answers as ever.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    public interface StreamReader<T> {
        /**
         * @param parser the body's parser, before its first token, with this adapter's limits
         * @param trees reads the value at the parser's token as {@link #tree} would read it
         * @return what was read, empty when the body is not of the reader's shape
         * @throws IOException for malformed JSON or a parsing limit
         */
        Optional<T> read(JsonParser parser, ObjectReader trees) throws IOException;
    }

    /**
     * Reads a JSON body with a streaming reader, without a tree.
     *
     * @return what the reader read; empty when the body is empty, malformed, followed by more
     *     JSON, or not of the reader's shape: then read it with {@link #tree}, which refuses it or
     *     reads it (the body stays available)
     * @throws HttpFailure 415 for another content type (as {@link #tree})
     */
    public <T> Optional<T> streamed(Context ctx, StreamReader<T> reader) {
        requireJson(ctx);
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = mapper.createParser(bytes)) {
            Optional<T> read = reader.read(parser, trees);
            return read.isPresent() && parser.nextToken() == null ? read : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the body as a JSON tree, never null or missing
     * @throws HttpFailure 415 for another content type
     * @throws InvalidRequestException {@code invalid_body} for an empty or malformed body
     */
    public JsonNode tree(Context ctx) {
        requireJson(ctx);
        return parse(ctx.bodyAsBytes());
    }

    /**
     * The body of an operation whose body is optional.
     *
     * @return the body as a JSON tree; empty when no body (or only whitespace, or JSON {@code null})
     *     was sent, whatever its content type
     * @throws HttpFailure 415 for a non-empty body in another content type than JSON
     * @throws InvalidRequestException {@code invalid_body} for malformed JSON
     */
    public Optional<JsonNode> optionalTree(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (isBlank(bytes)) {
            return Optional.empty();
        }
        requireJson(ctx);
        JsonNode node = parse(bytes);
        return node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /**
     * An optional body bound to a DTO.
     *
     * @return the bound body, empty when none was sent (see {@link #optionalTree})
     * @throws InvalidRequestException {@code invalid_body} for malformed JSON or a wrong shape
     */
    public <T> Optional<T> readOptional(Context ctx, Class<T> type) {
        return optionalTree(ctx).map(node -> bind(node, type));
    }

    /**
     * An optional body of attributes.
     *
     * @return the body's members as plain values, an empty map when no body was sent
     * @throws InvalidRequestException {@code invalid_body} if a body was sent that is not a JSON object
     */
    public Map<String, Object> optionalAttributes(Context ctx) {
        return optionalTree(ctx).map(node -> JsonTrees.object(node, "the request body")).orElseGet(Map::of);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw invalid("the request body is required");
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw invalid("the request body is required");
            }
            StorableText.problem(node).ifPresent(problem -> {
                throw invalid(problem);
            });
            return node;
        } catch (JsonParseException e) {
            String where = "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String duplicate = duplicateName(e);
            if (duplicate != null) {
                throw invalid("the request body names member '" + duplicate + "' twice in one object " + where);
            }
            throw invalid("the request body is not valid JSON " + where);
        } catch (StreamConstraintsException e) {
            throw invalid("the request body exceeds a parsing limit (nesting depth, number or string length, name length or"
                    + " value count): " + limitOf(e));
        } catch (IOException e) {
            throw invalid("the request body is not valid JSON");
        }
    }

    /**
     * @return the body as a JSON object of plain values (see {@link JsonTrees})
     * @throws InvalidRequestException {@code invalid_body} if the body is not a JSON object
     */
    public Map<String, Object> attributes(Context ctx) {
        return JsonTrees.object(tree(ctx), "the request body");
    }

    /**
     * @param type the DTO to bind
     * @return the body bound to the DTO
     * @throws InvalidRequestException {@code invalid_body} naming the field of a type mismatch;
     *     {@code invalid_parameter} for a free-text field ({@link TextOnly}) that is not a string
     */
    public <T> T read(Context ctx, Class<T> type) {
        return bind(tree(ctx), type);
    }

    /**
     * Binds a body already read with {@link #tree}, for operations that also need to know which
     * members were sent (absent vs {@code null}).
     *
     * @throws InvalidRequestException {@code invalid_body} naming the field of a type mismatch
     */
    public <T> T read(JsonNode node, Class<T> type) {
        return bind(node, type);
    }

    private <T> T bind(JsonNode node, Class<T> type) {
        if (!node.isObject()) {
            throw invalid("the request body must be a JSON object");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (TextOnly.NotText e) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, path(e) + " must be a string");
        } catch (JsonMappingException e) {
            String path = path(e);
            throw invalid(path.isEmpty() ? "the request body has the wrong shape" : path + " has the wrong JSON type");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid("the request body has the wrong shape");
        }
    }

    /**
     * Jackson's description of the exceeded limit ("Number value length (101) exceeds the maximum
     * allowed (100, ...)"), without the configuration hint after the numbers. It names sizes only,
     * never content.
     */
    private static String limitOf(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int hint = m.indexOf(", from ");
        return hint < 0 ? m : m.substring(0, hint) + ")";
    }

    /**
     * The member name of a duplicate-key failure (JsonMapping's strict duplicate detection), cut to
     * 64 characters; null for any other parse failure.
     */
    private static String duplicateName(JsonParseException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String prefix = "Duplicate field '";
        if (!m.startsWith(prefix) || !m.endsWith("'")) {
            return null;
        }
        String name = m.substring(prefix.length(), m.length() - 1);
        return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A JSON content type in UTF-8, in no coding left undecoded ({@link BodyEncoding}). */
    private static void requireJson(Context ctx) {
        requireJson(BodyCharset.contentType(ctx));
        BodyEncoding.requireDecoded(ctx);
    }

    static void requireJson(String contentType) {
        if (contentType == null) {
            throw HttpFailure.unsupportedMediaType(null);
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw HttpFailure.unsupportedMediaType(contentType);
        }
        BodyCharset.requireUtf8(contentType);
    }

    /** The JSON path of a binding problem, e.g. {@code readings[2].metadata}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(TransportReason.INVALID_BODY, message);
    }
}
