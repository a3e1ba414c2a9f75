package io.metering.adapters.http.docs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.metering.domain.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service's own API description and a browsable page for it, both without authentication:
 * <ul>
 *   <li>{@code GET /openapi.json}: the OpenAPI 3 document kept in this module's resources;</li>
 *   <li>{@code GET /docs}: Swagger UI pointing at it;</li>
 *   <li>{@code GET /docs/{asset}}: Swagger UI's files, served from the bundled webjar, so the page
 *       works without internet access.</li>
 * </ul>
 */
public final class ApiDocsRoutes {
    /** The document's path. */
    public static final String OPENAPI = "/openapi.json";
    /** The page's path. */
    public static final String DOCS = "/docs";
    /** The page's assets. */
    public static final String ASSET = "/docs/{asset}";
    /** The document as a classpath resource. */
    public static final String OPENAPI_RESOURCE = "/io/metering/adapters/http/docs/openapi.json";

    private static final String PAGE_RESOURCE = "/io/metering/adapters/http/docs/index.html";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The only files served from the webjar, with their content types. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");

    private final byte[] openApi;
    private final byte[] page;
    private final String webjarRoot;
    private final Map<String, byte[]> assetCache = new ConcurrentHashMap<>();

    /** @throws IllegalStateException if the document, the page or the webjar is missing */
    public ApiDocsRoutes() {
        openApi = resource(OPENAPI_RESOURCE);
        page = resource(PAGE_RESOURCE);
        Properties webjar = new Properties();
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + webjar.getProperty("version") + "/";
    }

    /** Adds the routes. */
    public void register(RoutesConfig routes) {
        routes.get(OPENAPI, ctx -> ctx.contentType("application/json").result(openApi));
        routes.get(DOCS, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get(ASSET, this::asset);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        if (type == null) {
            throw new NotFoundException("no docs asset named " + (name.length() > 64 ? name.substring(0, 64) + "..." : name));
        }
        byte[] bytes = assetCache.computeIfAbsent(name, n -> resource(webjarRoot + n));
        ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(bytes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
