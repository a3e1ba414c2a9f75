package io.metering.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.persistence.SharedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The catalog's questions on a server without TimescaleDB, as the test machine has. */
class JdbiTimescaleCatalogTest {
    private final JdbiTimescaleCatalog catalog = new JdbiTimescaleCatalog(Jdbi.create(SharedPostgres.server().getPostgresDatabase()));

    @Test
    void answersWithoutTheExtension() {
        SharedPostgres.persistence(); // migrated, so the reading table exists

        assertThat(catalog.serverVersion()).startsWith("17.");
        assertThat(catalog.extensionAvailable()).isFalse();
        assertThat(catalog.installedVersion()).isEmpty();
        assertThat(catalog.license()).isNull();
        assertThat(catalog.readingHasRows()).isIn(true, false);
        assertThatThrownBy(catalog::createExtension).isInstanceOf(RuntimeException.class);
    }
}
