package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.SharedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Transactions get the isolation they promise even on a database whose default is another: pools
 * from DataSources set READ COMMITTED per connection, so read-write transactions may skip
 * {@code SET TRANSACTION}; read-only work always sets REPEATABLE READ.
 */
class JdbiTransactionsIsolationTest {
    @Test
    void readWriteIsReadCommittedAndReadOnlyIsRepeatableReadOnASerializableDatabase() {
        String database = SharedPostgres.newDatabase();
        Jdbi.create(SharedPostgres.adminDataSource()).useHandle(h -> h.execute(
                "ALTER DATABASE " + database + " SET default_transaction_isolation = 'serializable'"));
        try (HikariDataSource pool = DataSources.pooled(SharedPostgres.jdbcUrl(database), SharedPostgres.USER, null, 2)) {
            JdbiTransactions tx = new JdbiTransactions(Jdbi.create(pool), true);
            String show = "SHOW transaction_isolation";

            String readWrite = tx.inTransaction(() -> tx.read(h -> h.createQuery(show).mapTo(String.class).one()));
            String readOnly = tx.readOnly(() -> tx.read(h -> h.createQuery(show).mapTo(String.class).one()));
            String writeOutside = tx.write(h -> h.createQuery(show).mapTo(String.class).one());

            assertThat(readWrite).isEqualTo("read committed");
            assertThat(writeOutside).isEqualTo("read committed");
            assertThat(readOnly).isEqualTo("repeatable read");
        }
    }
}
