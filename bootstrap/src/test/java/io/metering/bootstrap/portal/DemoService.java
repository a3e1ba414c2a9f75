package io.metering.bootstrap.portal;

import io.metering.testing.BearerTokens;

import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.application.port.in.UseCases;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.demo.DemoData;
import io.metering.bootstrap.demo.DemoIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service on the demo data for the browser tests, verifying tokens with a development
 * secret, with an admin token and a portal token of the demo customer (two hours each).
 */
public final class DemoService implements AutoCloseable {
    /** Tokens the service accepts (signed with its secret), valid for two hours. */
    final BearerTokens tokens;
    final MeteringServer server;
    /** The service's address, e.g. {@code http://localhost:41234}. */
    public final String base;
    /** An admin token of the demo organization. */
    public final String admin;
    /** A portal token of the demo customer. */
    public final String portal;

    private DemoService(BearerTokens tokens, MeteringServer server, String admin, String portal) {
        this.tokens = tokens;
        this.server = server;
        this.base = "http://localhost:" + server.port();
        this.admin = admin;
        this.portal = portal;
    }

    /**
     * @param env further configuration, e.g. METERING_CORS_ORIGINS
     * @param subject the tokens' subjects are {@code subject + "-admin"} and {@code subject + "-customer"}
     */
    public static DemoService start(Path dataDir, String secret, Map<String, String> env, String subject) {
        Map<String, String> all = new HashMap<>(env);
        all.put("METERING_DATA_DIR", dataDir.toString());
        all.put("METERING_JWT_SECRET", secret);
        JwtSettings settings = new JwtSettings(secret.getBytes(StandardCharsets.UTF_8), null, null, JwtSettings.DEFAULT_LEEWAY);
        MeteringServer server = serve(Configuration.from(all), new JwtAuthenticator(settings, Clock.systemUTC()), 0);
        BearerTokens tokens = BearerTokens.hs256(secret).withTtl(Duration.ofHours(2));
        String portal = tokens.portal(DemoIds.ORG.value(), subject + "-customer", DemoIds.CONTACT_ID);
        String admin = tokens.admin(DemoIds.ORG.value(), subject + "-admin");
        return new DemoService(tokens, server, admin, portal);
    }

    /**
     * The service on this configuration with the demo data (loaded once per data directory), listening.
     *
     * @param port the port, 0 for any free one
     */
    static MeteringServer serve(Configuration config, JwtAuthenticator authenticator, int port) {
        MeteringServer server = MeteringServer.start(config, Clock.systemUTC(), authenticator);
        UseCases u = server.useCases();
        new DemoData(u.manageMeters(), u.manageCounters(), u.recordReadings(), u.viewMeters()).loadIfAbsent();
        server.listen(port);
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
