package io.metering.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void defaultsServePort8080WithTheEmbeddedStoreInBerlinTime() {
        Configuration c = Configuration.from(Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.embeddedStore()).isTrue();
        assertThat(c.businessZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(c.dataDir().getFileName().toString()).isEqualTo("metering-data");
        assertThat(c.dataDir().isAbsolute()).isTrue();
        assertThat(c.timescale()).isTrue();
        assertThat(c.chunkInterval()).hasDays(365);
        assertThat(c.dbPoolSize()).isEqualTo(8);
        assertThat(c.dbConnectionTimeout()).hasMillis(5000);
    }

    @Test
    void aJdbcUrlSwitchesToTheExternalStore() {
        Configuration c = Configuration.from(Map.of("METERING_JDBC_URL", "jdbc:postgresql://db:5432/m"));
        assertThat(c.embeddedStore()).isFalse();
        assertThat(c.jdbcUrl()).contains("jdbc:postgresql://db:5432/m");
    }

    @Test
    void malformedSettingsAreRefusedByName() {
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_HTTP_PORT");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_TIME_ZONE", "Mars/Olympus")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_TIME_ZONE");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_JWT_SECRET", "short")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_DB_POOL_SIZE", "1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_DB_CONNECTION_TIMEOUT_MS", "100")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 250");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_TIMESCALE", "yes")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("auto or off");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_TIMESCALE_CHUNK_DAYS", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_TIMESCALE_CHUNK_DAYS must be at least 1");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_TIMESCALE_CHUNK_DAYS", "3651")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at most 3650");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_TIMESCALE_CHUNK_DAYS", "99999999999")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_TIMESCALE_CHUNK_DAYS is too large");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_TIMESCALE_CHUNK_DAYS", "\uff13\uff10")))
                .as("full-width digits").isInstanceOf(ConfigurationException.class).hasMessageContaining("must be a whole number");
    }

    @Test
    void theChunkIntervalIsGivenInDays() {
        assertThat(Configuration.from(Map.of("METERING_TIMESCALE_CHUNK_DAYS", "365")).chunkInterval()).hasDays(365);
        assertThat(Configuration.from(Map.of("METERING_TIMESCALE_CHUNK_DAYS", "7")).chunkInterval()).hasDays(7);
    }

    @Test
    void tokenSettingsFallBackFromEachKindToTheSharedIssuerAndAudience() {
        TokenConfiguration t = Configuration.from(Map.of("METERING_JWT_ISSUER", "https://idp.example", "METERING_JWT_AUDIENCE",
                "metering", "METERING_PORTAL_JWT_ISSUER", "https://idp.example/portal", "METERING_ADMIN_JWT_AUDIENCE", "admin-api")).tokens();

        assertThat(t.adminIssuer()).contains("https://idp.example");
        assertThat(t.adminAudience()).contains("admin-api");
        assertThat(t.portalIssuer()).contains("https://idp.example/portal");
        assertThat(t.portalAudience()).contains("metering");
        assertThat(t.leeway()).hasSeconds(30);
        assertThat(t.jwksCache()).hasSeconds(300);
        assertThat(t.hasJwks()).isFalse();
    }

    @Test
    void malformedTokenSettingsAreRefusedByName() {
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_JWT_JWKS_URL", "https://idp/jwks", "METERING_JWT_JWKS_FILE", "k.json")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_JWT_JWKS_URL", "ftp://idp/jwks")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_JWT_JWKS_URL");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_JWT_JWKS_DEFAULT_ALG", "HS256")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_JWT_JWKS_DEFAULT_ALG");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_JWT_JWKS_CACHE_SECONDS", "5")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_JWT_JWKS_CACHE_SECONDS");
        assertThatThrownBy(() -> Configuration.from(Map.of("METERING_JWT_LEEWAY_SECONDS", "3600")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_JWT_LEEWAY_SECONDS");
        assertThat(Configuration.from(Map.of("METERING_JWT_JWKS_DEFAULT_ALG", "rs256")).tokens().jwksDefaultAlgorithm()).contains("RS256");
    }

    @Test
    void secretsNeverAppearInTheTextForm() {
        Configuration c = Configuration.from(Map.of("METERING_JWT_SECRET", "a-very-secret-value-of-more-than-32-bytes",
                "METERING_DB_PASSWORD", "hunter2-password", "METERING_JDBC_URL", "jdbc:postgresql://db/m?password=hunter2"));
        assertThat(c.toString()).doesNotContain("a-very-secret-value").doesNotContain("hunter2").contains("secret=***");
    }
}
