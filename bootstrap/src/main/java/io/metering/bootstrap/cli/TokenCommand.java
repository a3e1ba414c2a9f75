package io.metering.bootstrap.cli;

import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.auth.TokenClaims;
import io.metering.adapters.http.auth.TokenMinter;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.ConfigurationException;
import io.metering.bootstrap.config.JwtSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code metering token}: mints a development bearer token, HS256 with the configured secret
 * (METERING_JWT_SECRET, or the secret generated in the data directory), carrying the issuer and
 * audience the service requires of the token's kind. Production tokens come from the identity
 * provider whose JWK set the service trusts; this command never signs with asymmetric keys.
 */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Print a bearer token signed with the configured HS256 secret.")
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, description = "admin or portal")
    String kind;

    @Option(names = "--org", required = true, description = "Organization id (claim org_id).")
    String org;

    @Option(names = "--subject", defaultValue = "cli", description = "Token subject (claim sub). Default: ${DEFAULT-VALUE}.")
    String subject;

    @Option(names = "--contact-id", description = "Portal only: the customer's contact id (claim contact_id).")
    String contactId;

    @Option(names = "--contract-id", description = "Portal only: a contract id of the customer (claim contract_ids); repeatable.")
    List<String> contractIds = List.of();

    @Option(names = "--act-for-org", description = "Admin only: an organization the token may act for with the x-ivy-org-id header"
            + " (claim act_for_orgs), '*' for all; repeatable.")
    List<String> actForOrgs = List.of();

    @Option(names = "--permission", description = "Admin only: limit the token to this permission (claim permissions), e.g."
            + " meter_reading:edit; repeatable. Without it the token has every admin right.")
    List<String> permissions;

    @Option(names = "--ttl", defaultValue = "PT24H", description = "Lifetime as ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
    Duration ttl;

    @Override
    public Integer call() {
        JwtSettings settings;
        int port;
        try {
            Configuration config = Configuration.from(System.getenv());
            port = config.httpPort();
            settings = Serving.jwtSettings(config, JwtSecrets.existing(config));
        } catch (ConfigurationException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Cannot mint a token: " + e.getMessage());
            return 1;
        }
        String token;
        try {
            token = new TokenMinter(settings, Clock.systemUTC()).mint(claims(), ttl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println(token);
        if ("portal".equals(kind)) {
            // on stderr, so that PORTAL_TOKEN=$(... token --kind portal ...) still captures the token alone
            spec.commandLine().getErr().println("Customer portal sign-in link: "
                    + PortalLink.of("http://localhost:" + port, token));
        } else if ("admin".equals(kind)) {
            spec.commandLine().getErr().println("Back-office console sign-in link: "
                    + PortalLink.console("http://localhost:" + port, token));
        }
        return 0;
    }

    private TokenClaims claims() {
        return switch (kind) {
            case "admin" -> {
                TokenClaims admin = TokenClaims.admin(org, subject).actingFor(actForOrgs);
                yield permissions == null ? admin : admin.limitedTo(permissions);
            }
            case "portal" -> {
                if (contactId == null && contractIds.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "a portal token needs --contact-id or --contract-id");
                }
                if (!actForOrgs.isEmpty() || permissions != null) {
                    throw new ParameterException(spec.commandLine(), "--act-for-org and --permission are for admin tokens");
                }
                yield TokenClaims.portal(org, subject, contactId, contractIds);
            }
            default -> throw new ParameterException(spec.commandLine(), "--kind must be admin or portal, not '" + kind + "'");
        };
    }
}
