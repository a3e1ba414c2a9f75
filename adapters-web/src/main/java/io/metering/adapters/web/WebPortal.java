package io.metering.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Serves the customer portal from this module's resources, on the same Javalin app as the API:
 * <ul>
 *   <li>{@code GET /} and {@code GET /portal}: redirect to {@code /portal/};</li>
 *   <li>{@code GET /portal/}: the page; {@code /portal/*}: its ES modules, styles and message files,
 *       revalidated on every load ({@code Cache-Control: no-cache} with an ETag), since plain modules
 *       import each other by fixed names;</li>
 *   <li>{@code GET /portal/vendor/{library}/{version}/*}: the pinned browser libraries (uPlot from its
 *       WebJar, oidc-client-ts vendored with its licence), cached for a year since a new version is a
 *       new path;</li>
 *   <li>{@code GET /portal/config.json}: how customers sign in ({@code oidc}: issuer and client id, or
 *       null when only development links work).</li>
 * </ul>
 * Every portal response carries {@link SecurityHeaders}; responses are gzip-compressed by Javalin
 * when the client accepts it. Cross-origin API use is {@link CrossOrigin}'s; the staff console is
 * {@link WebConsole}'s, installed with the portal.
 */
public final class WebPortal {
    /** Where the portal lives. */
    public static final String PATH = "/portal/";
    /** The portal's own files as a classpath directory. */
    static final String PAGES = "/io/metering/adapters/web/portal";
    /** Browser libraries vendored into this module, by name and version. */
    static final String VENDORED = "/io/metering/adapters/web/vendor";
    static final String UPLOT_PROPERTIES = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    static final String REVALIDATE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private WebPortal() {}

    /**
     * Adds the portal's routes, files and, when origins are configured, the cross-origin rule.
     *
     * @param config the app's configuration, before the app starts
     * @param settings allowed origins and the OpenID provider
     */
    public static void install(JavalinConfig config, WebSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<String, String> security = SecurityHeaders.of(settings.signIn());
        String uplot = webjarVersion(UPLOT_PROPERTIES);
        serve(config, "/portal", PAGES, with(security, "Cache-Control", REVALIDATE));
        // the WebJar's own root: its jar has no directory entry for dist/, which Javalin requires
        serve(config, "/portal/vendor/uplot/" + uplot, uplotDirectory(uplot), with(security, "Cache-Control", IMMUTABLE));
        serve(config, "/portal/vendor", VENDORED, with(security, "Cache-Control", IMMUTABLE));
        config.routes.get("/", ctx -> ctx.redirect(PATH, HttpStatus.FOUND));
        page(config, PATH, PAGES, with(security, "Cache-Control", REVALIDATE));
        config.routes.get("/portal/config.json", ctx -> signInConfig(ctx, settings.signIn(), security));
        WebConsole.install(config, settings);
        CrossOrigin.install(config, settings.corsOrigins());
    }

    /**
     * Copies the portal's and the console's static files out of the jar ahead of {@link #install},
     * which then finds them copied: for a start that has time to spare while its database starts
     * (the copies read the jar's whole index, a good part of a start; docs/benchmarks.md,
     * "Start-up"). Calling it again, or not at all, changes nothing but when the copies are made.
     *
     * @return the directories served
     * @throws java.io.UncheckedIOException if the files cannot be copied
     */
    public static List<Path> prepare() {
        return Stream.of(PAGES, uplotDirectory(webjarVersion(UPLOT_PROPERTIES)), VENDORED, WebConsole.PAGES)
                .map(StaticFiles::directory).toList();
    }

    private static String uplotDirectory(String version) {
        return "/META-INF/resources/webjars/uplot/" + version;
    }

    /** The page at {@code path} (ending in a slash) from {@code pages/index.html}; the path without the slash redirects there. */
    static void page(JavalinConfig config, String path, String pages, Map<String, String> headers) {
        byte[] page = resource(pages + "/index.html");
        // Javalin matches /portal and /portal/ alike: only the second is the page, whose relative imports need the slash
        config.routes.get(path.substring(0, path.length() - 1), ctx -> {
            if (!ctx.path().endsWith("/")) {
                ctx.redirect(path, HttpStatus.FOUND);
                return;
            }
            headers.forEach(ctx::header);
            ctx.contentType("text/html; charset=utf-8").result(page);
        });
    }

    /** Answers a page's {@code config.json}: the OpenID provider it signs in with, or null. */
    static void signInConfig(Context ctx, Optional<PortalSignIn> signIn, Map<String, String> security) {
        security.forEach(ctx::header);
        Map<String, Object> oidc = signIn.map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("issuer", s.issuer().toString());
            m.put("client_id", s.clientId());
            return m;
        }).orElse(null);
        Map<String, Object> body = new HashMap<>();
        body.put("oidc", oidc);
        ctx.header("Cache-Control", "no-store").json(body);
    }

    static void serve(JavalinConfig config, String hostedPath, String classpathDirectory, Map<String, String> headers) {
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = StaticFiles.directory(classpathDirectory).toString();
            files.location = Location.EXTERNAL;
            files.headers = headers;
        });
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    static byte[] resource(String path) {
        try (InputStream in = WebPortal.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a WebJar on the classpath, which names its directory. */
    static String webjarVersion(String pomProperties) {
        Properties p = new Properties();
        try (InputStream in = WebPortal.class.getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException("missing WebJar " + pomProperties);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
