package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import io.metering.adapters.http.changeset.ChangesetRoutes;
import io.metering.adapters.http.error.ErrorReasons;
import io.metering.adapters.http.error.TransportReason;
import io.metering.domain.error.ReasonCode;
import io.metering.domain.error.RejectionReason;
import io.metering.testing.Http.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served OpenAPI document against the app's real route table, and the offline docs page. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static JsonNode doc;

    @BeforeAll
    static void start() {
        Reply r = t.get("/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        doc = r.json();
    }

    @Test
    void isAnOpenApi3Document() {
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("info").get("title").asText()).isNotBlank();
        assertThat(doc.get("info").get("version").asText()).isNotBlank();
        assertThat(doc.get("paths").size()).isPositive();
    }

    /** info.version is the release the build made (Maven's project version), the contract's version is stated apart. */
    @Test
    void namesTheReleaseAndTheContractVersionItSpeaks() {
        String release = System.getProperty("metering.version");
        assertThat(release).as("the build passes the project version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(doc.at("/info/version").asText()).isEqualTo(release);
        assertThat(doc.at("/info/x-contract/name").asText()).isEqualTo("epilot Metering API");
        assertThat(doc.at("/info/x-contract/version").asText()).isEqualTo("1.2.0");
        assertThat(doc.at("/info/description").asText()).contains("Metering API 1.2.0");
    }

    @Test
    void documentsExactlyTheRoutesTheAppServes() {
        Set<String> served = new TreeSet<>();
        t.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .forEach(e -> documentedForms(e.path).forEach(path -> served.add(e.method.name().toUpperCase(Locale.ROOT) + " " + path)));

        assertThat(served).hasSizeGreaterThan(30);
        assertThat(documentedOperations()).isEqualTo(served);
    }

    /** The one changeset action route stands for the documented {@code :apply} and {@code :dismiss} paths. */
    private static List<String> documentedForms(String routePath) {
        return routePath.equals(ChangesetRoutes.CHANGESET_ACTION) ? ChangesetRoutes.actionPaths() : List.of(routePath);
    }

    @Test
    void listsEveryReasonCodeTheServiceAnswers() {
        Set<String> listed = new HashSet<>();
        doc.at("/components/schemas/Error/properties/reason/enum").forEach(n -> listed.add(n.asText()));

        List<ReasonCode> reasons = new ArrayList<>(List.of(RejectionReason.values()));
        reasons.addAll(List.of(TransportReason.values()));
        for (ReasonCode reason : reasons) {
            assertThat(listed).as("Error.reason lists " + reason.code()).contains(reason.code());
        }
        assertThat(listed).contains(ErrorReasons.UNAUTHORIZED, ErrorReasons.METHOD_NOT_ALLOWED, ErrorReasons.INTERNAL_ERROR,
                ErrorReasons.NOT_READY, ErrorReasons.KEYS_UNAVAILABLE, ErrorReasons.SERVICE_UNAVAILABLE);
    }

    /** Answers any operation can give, declared on each (issue 16): refusals before routing, failures, outages. */
    @Test
    void everyOperationDeclaresTheAnswersAnyRequestCanGet() {
        Set<String> offline = Set.of("GET /health", "GET /ready", "GET /openapi.json", "GET /docs", "GET /docs/{asset}");
        for (Op op : operations()) {
            JsonNode responses = op.node.get("responses");
            for (String status : List.of("400", "413", "414", "431", "500")) {
                assertThat(responses.has(status)).as(op.key() + " declares " + status).isTrue();
            }
            assertThat(responses.has("503")).as(op.key() + " declares 503").isEqualTo(!offline.contains(op.key())
                    || op.key().equals("GET /health") || op.key().equals("GET /ready"));
        }
    }

    /** The API's operations judge the Accept header (web.AcceptedTypes); the CSV they answer is where the check admits it. */
    @Test
    void everyApiOperationDeclares406AndCsvOnlyWhereTheAcceptCheckAdmitsIt() {
        for (Op op : operations()) {
            boolean api = op.path.startsWith("/v1/metering/") || op.path.startsWith("/v2/metering/");
            assertThat(op.node.get("responses").has("406")).as(op.key() + " declares 406").isEqualTo(api);
            boolean csv = op.node.get("responses").properties().stream()
                    .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().path("content").has("text/csv"));
            assertThat(csv).as(op.key() + " answers CSV").isEqualTo(api && op.method.equals("get") && HttpApi.CSV_ROUTES.contains(op.path));
        }
    }

    @Test
    void everyReasonTheHttpLayerGivesByStatusIsListed() {
        Set<String> listed = new HashSet<>();
        doc.at("/components/schemas/Error/properties/reason/enum").forEach(n -> listed.add(n.asText()));
        for (int status = 400; status < 600; status++) {
            assertThat(listed).as("reason of status " + status).contains(ErrorReasons.forStatus(status));
        }
        assertThat(listed).doesNotContain("bad_request");
        List<JsonNode> narrowed = new ArrayList<>();
        doc.at("/components/responses").forEach(r -> resolve(r).at("/content/application~1json/schema/allOf").forEach(narrowed::add));
        assertThat(narrowed).as("error responses narrowing reason").isNotEmpty();
        narrowed.forEach(part -> part.at("/properties/reason/enum").forEach(code -> assertThat(listed).contains(code.asText())));
    }

    @Test
    void operationIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        operations().forEach(o -> assertThat(ids.add(o.node.get("operationId").asText())).as(o.key()).isTrue());
    }

    @Test
    void everyOperationIsComplete() {
        for (Op op : operations()) {
            assertThat(op.node.has("operationId")).as(op.key()).isTrue();
            assertThat(op.node.has("security")).as(op.key() + " says who may call it").isTrue();
            assertThat(op.node.get("responses").size()).as(op.key()).isPositive();
            Set<String> declared = new HashSet<>();
            op.node.path("parameters").forEach(p -> {
                JsonNode param = resolve(p);
                if ("path".equals(param.get("in").asText())) {
                    declared.add(param.get("name").asText());
                }
            });
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path);
            Set<String> inPath = new HashSet<>();
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertThat(declared).as(op.key() + " declares its path parameters").isEqualTo(inPath);
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        refs.forEach(ref -> assertThat(resolve(ref).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void docsPageWorksOffline() {
        Reply page = t.get("/docs", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/openapi.json").doesNotContain("http://").doesNotContain("https://");
        Matcher assets = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"").matcher(page.body());
        int count = 0;
        while (assets.find()) {
            Reply asset = t.get(assets.group(1), null);
            assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body()).isNotEmpty();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(t.get("/docs/swagger-ui-bundle.js", null).header("Content-Type")).startsWith("text/javascript");
        assertThat(t.get("/docs/..%2Fpom.properties", null).status()).isEqualTo(404);
        assertThat(t.get("/docs/index.html", null).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    private record Op(String method, String path, JsonNode node) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static List<Op> operations() {
        List<Op> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    out.add(new Op(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return out;
    }

    private static Set<String> documentedOperations() {
        return operations().stream().map(Op::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolve(node.get("$ref").asText()) : node;
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        return doc.at(ref.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
