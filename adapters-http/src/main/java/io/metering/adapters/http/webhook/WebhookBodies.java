package io.metering.adapters.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.adapters.http.error.TransportReason;
import io.metering.application.model.FieldChange;
import io.metering.application.port.in.webhook.WebhookChanges;
import io.metering.application.port.in.webhook.WebhookDraft;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bodies of the webhook operations: {@code url}, {@code event_types}, {@code enabled},
 * {@code description}; any other member is refused ({@code invalid_body}), a URL that is no URI too.
 */
final class WebhookBodies {
    private static final Set<String> MEMBERS = Set.of("url", "event_types", "enabled", "description");

    private WebhookBodies() {}

    static WebhookDraft draft(JsonNode body) {
        requireKnownMembers(body);
        if (!body.hasNonNull("url")) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "url is required");
        }
        return new WebhookDraft(url(body.get("url")), types(body.get("event_types")).orElse(List.of()),
                bool(body.get("enabled")).orElse(true), text(body.get("description")).orElse(null));
    }

    static WebhookChanges changes(JsonNode body) {
        requireKnownMembers(body);
        JsonNode url = body.get("url");
        if (url != null && url.isNull()) {
            throw invalid("url cannot be cleared");
        }
        JsonNode description = body.get("description");
        FieldChange<String> descriptionChange = description == null ? FieldChange.keep()
                : description.isNull() ? FieldChange.clear() : FieldChange.setOrKeep(text(description).orElseThrow());
        return new WebhookChanges(Optional.ofNullable(url).map(WebhookBodies::url), types(body.get("event_types")),
                bool(body.get("enabled")), descriptionChange);
    }

    private static void requireKnownMembers(JsonNode body) {
        if (!body.isObject()) {
            throw invalid("the request body must be a JSON object");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw invalid("unknown member '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                        + "'; a webhook has url, event_types, enabled and description");
            }
        }
    }

    private static URI url(JsonNode node) {
        if (!node.isTextual()) {
            throw invalid("url must be a string");
        }
        try {
            return new URI(node.asText().trim());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(RejectionReason.WEBHOOK_URL_REFUSED, "url is not a valid URL");
        }
    }

    private static Optional<List<String>> types(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw invalid("event_types must be an array of strings");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode t : node) {
            if (!t.isTextual()) {
                throw invalid("event_types must be an array of strings");
            }
            types.add(t.asText());
        }
        return Optional.of(types);
    }

    private static Optional<Boolean> bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw invalid("enabled must be true or false");
        }
        return Optional.of(node.asBoolean());
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid("description must be a string");
        }
        return Optional.of(node.asText());
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(TransportReason.INVALID_BODY, message);
    }
}
