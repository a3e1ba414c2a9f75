package io.metering.bootstrap.cli;

import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.auth.TokenClaims;
import io.metering.adapters.http.auth.TokenMinter;
import io.metering.application.port.in.UseCases;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.demo.DemoData;
import io.metering.bootstrap.demo.DemoIds;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code metering demo}: loads the bundled real sample data into the organization
 * {@code demo-org} (once; restarts keep it), serves the API, and prints an admin token, a portal
 * token of the customer who owns the demo meters, the customer portal's sign-in link, and three curl
 * commands that work as printed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Load the bundled Liander and AMPds2 sample data into organization demo-org, then serve.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration TOKEN_TTL = Duration.ofDays(30);

    @Override
    public Integer call() {
        return Serving.run(DemoCommand::load, DemoCommand::printWelcome);
    }

    private static void load(MeteringServer server) {
        UseCases u = server.useCases();
        new DemoData(u.manageMeters(), u.manageCounters(), u.recordReadings(), u.viewMeters()).loadIfAbsent();
    }

    private static void printWelcome(MeteringServer server) {
        Configuration config = Configuration.from(System.getenv());
        JwtSettings settings = Serving.jwtSettings(config);
        String base = "http://localhost:" + server.port();
        PrintStream out = System.out;
        if (!settings.acceptsHs256()) {
            out.println();
            out.println("Demo organization 'demo-org' is ready. Only a JWK set verifies tokens (no METERING_JWT_SECRET), so no demo"
                    + " tokens are printed: use tokens of your identity provider with org_id demo-org. API docs: " + base + "/docs");
            out.flush();
            return;
        }
        TokenMinter minter = new TokenMinter(settings, Clock.systemUTC());
        String admin = minter.mint(TokenClaims.admin(DemoIds.ORG.value(), "demo-admin"), TOKEN_TTL);
        String portal = minter.mint(TokenClaims.portal(DemoIds.ORG.value(), "demo-customer", DemoIds.CONTACT_ID,
                List.of(DemoIds.CONTRACT_ID)), TOKEN_TTL);
        out.println();
        out.println("Demo organization 'demo-org' is ready. Tokens are valid for 30 days.");
        out.println();
        out.println("export ADMIN_TOKEN=" + admin);
        out.println("export PORTAL_TOKEN=" + portal);
        out.println();
        out.println("# the customer portal, signed in as the demo customer (the token stays in the fragment, never sent)");
        out.println(PortalLink.of(base, portal));
        out.println("# the back-office console, signed in as the demo administrator");
        out.println(PortalLink.console(base, admin));
        out.println();
        out.println("# the customer's meters (portal token)");
        out.println("curl -s -H \"Authorization: Bearer $PORTAL_TOKEN\" " + base + "/v1/metering/meter");
        out.println("# the four registers of the Liander electricity meter (admin token)");
        out.println("curl -s -H \"Authorization: Bearer $ADMIN_TOKEN\" \"" + base + "/v1/metering/counter?meter_id="
                + DemoIds.LIANDER_POWER + "\"");
        out.println("# daily consumption (relative readings) of the import tariff 1 register in November 2023");
        out.println("curl -s -H \"Authorization: Bearer $PORTAL_TOKEN\" \"" + base + "/v1/metering/reading/" + DemoIds.LIANDER_POWER
                + "/" + DemoIds.lianderPowerRegister(1) + "?type=relative&start_date=2023-11-01&end_date=2023-11-30&size=31\"");
        out.println();
        out.println("API docs: " + base + "/docs");
        out.flush();
    }
}
