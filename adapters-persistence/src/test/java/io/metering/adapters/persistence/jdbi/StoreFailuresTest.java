package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.out.StoreUnavailableException;
import io.metering.domain.error.NotFoundException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached" (503) and which stay what they are. */
class StoreFailuresTest {

    @Test
    void connectionFailuresAreUnavailability() {
        assertThat(StoreFailures.isUnavailable(statement("08006"))).as("I/O error on the connection").isTrue();
        assertThat(StoreFailures.isUnavailable(statement("08001"))).as("connection refused").isTrue();
        assertThat(StoreFailures.isUnavailable(statement("57P01"))).as("admin shutdown").isTrue();
        assertThat(StoreFailures.isUnavailable(statement("57P02"))).as("crash shutdown").isTrue();
        assertThat(StoreFailures.isUnavailable(statement("57P03"))).as("cannot connect now").isTrue();
        assertThat(StoreFailures.isUnavailable(statement("53300"))).as("too many connections").isTrue();
        assertThat(StoreFailures.isUnavailable(new ConnectionException(new SQLException("pool closed")))).isTrue();
        assertThat(StoreFailures.isUnavailable(new ConnectionException(new SQLTransientConnectionException("timed out")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(StoreFailures.isUnavailable(statement("23505"))).isFalse();
        assertThat(StoreFailures.isUnavailable(statement("22021"))).isFalse();
        assertThat(StoreFailures.isUnavailable(statement(null))).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void translatesOnlyUnavailability() {
        assertThatThrownBy(() -> StoreFailures.translate(() -> {
            throw statement("08006");
        })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("08006 happened");
        assertThatThrownBy(() -> StoreFailures.translate(() -> {
            throw new NotFoundException("meter x not found");
        })).isInstanceOf(NotFoundException.class);
        assertThat(StoreFailures.translate(() -> 42)).isEqualTo(42);
    }

    private static UnableToExecuteStatementException statement(String sqlState) {
        return new UnableToExecuteStatementException(new SQLException(sqlState + " happened", sqlState), null);
    }
}
