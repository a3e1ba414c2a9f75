package io.metering.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.persistence.SharedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

/** The catalog's questions on a server without TimescaleDB (the embedded one); {@link TimescaleServerTest} has the other side. */
@DisabledIf("io.metering.adapters.persistence.SharedPostgres#onTimescale")
class JdbiTimescaleCatalogTest {
    private final JdbiTimescaleCatalog catalog = new JdbiTimescaleCatalog(Jdbi.create(SharedPostgres.adminDataSource()));

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
