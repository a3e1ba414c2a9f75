package io.metering.bootstrap.cli;

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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code metering token}: mints a development bearer token signed with the configured secret
 * (METERING_JWT_SECRET, or the secret generated in the data directory).
 */
@Command(name = "token", mixinStandardHelpOptions = true,
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

    @Option(names = "--ttl", defaultValue = "PT24H", description = "Lifetime as ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
    Duration ttl;

    @Override
    public Integer call() {
        Configuration config;
        byte[] secret;
        try {
            config = Configuration.from(System.getenv());
            secret = JwtSecrets.existing(config);
        } catch (ConfigurationException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        String token;
        try {
            TokenClaims claims = switch (kind) {
                case "admin" -> TokenClaims.admin(org, subject);
                case "portal" -> TokenClaims.portal(org, subject, contactId, contractIds);
                default -> throw new ParameterException(spec.commandLine(), "--kind must be admin or portal, not '" + kind + "'");
            };
            token = new TokenMinter(Serving.jwtSettings(config, secret), Clock.systemUTC()).mint(claims, ttl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println(token);
        return 0;
    }
}
