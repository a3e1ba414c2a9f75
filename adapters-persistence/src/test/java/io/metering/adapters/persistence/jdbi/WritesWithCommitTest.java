package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.SharedPostgres;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes that wait for the commit ({@link JdbiTransactions#writeWithCommit}) in a transaction that
 * has written: they are stored with the transaction and only with it, in the order given, visible
 * inside it once asked for, and a failing one rolls the whole transaction back. In a transaction
 * that has not written yet they run at once.
 */
class WritesWithCommitTest {
    private static HikariDataSource pool;
    private static JdbiTransactions tx;

    @BeforeAll
    static void start() {
        String database = SharedPostgres.newDatabase();
        pool = DataSources.pooled(SharedPostgres.jdbcUrl(database), SharedPostgres.USER, null, 2);
        tx = new JdbiTransactions(Jdbi.create(pool), true);
        tx.write(h -> h.execute("CREATE TABLE note (seq serial PRIMARY KEY, text text NOT NULL CHECK (text <> ''))"));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private static void note(String text) {
        tx.writeWithCommit("INSERT INTO note (text) VALUES (:text)", u -> u.bind("text", text));
    }

    private static List<String> notes() {
        return tx.read(h -> h.createQuery("SELECT text FROM note ORDER BY seq").mapTo(String.class).list());
    }

    private static void clear() {
        tx.write(h -> h.execute("TRUNCATE note"));
    }

    @Test
    void theyAreStoredInOrderWithTheCommitAndNotBefore() {
        clear();
        List<String> inside = tx.inTransaction(() -> {
            tx.write(h -> h.execute("INSERT INTO note (text) VALUES ('direct')"));
            note("first");
            note("second");
            return notes();
        });

        assertThat(inside).containsExactly("direct");
        assertThat(notes()).containsExactly("direct", "first", "second");
    }

    @Test
    void theyRunWhenAskedForSoThatTheTransactionReadsThem() {
        clear();
        List<String> inside = tx.inTransaction(() -> {
            tx.write(h -> h.execute("INSERT INTO note (text) VALUES ('direct')"));
            note("early");
            tx.runWritesAwaitingCommit();
            List<String> seen = notes();
            note("late");
            return seen;
        });

        assertThat(inside).containsExactly("direct", "early");
        assertThat(notes()).containsExactly("direct", "early", "late");
    }

    @Test
    void aTransactionThatFailsLeavesThemOut() {
        clear();
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            tx.write(h -> h.execute("INSERT INTO note (text) VALUES ('direct')"));
            note("never");
            throw new IllegalStateException("the work fails");
        })).hasMessage("the work fails");

        assertThat(notes()).isEmpty();
    }

    @Test
    void aFailingOneRollsTheWholeTransactionBack() {
        clear();
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            tx.write(h -> h.execute("INSERT INTO note (text) VALUES ('direct')"));
            note("fine");
            note("");
            return null;
        }));

        assertThat(notes()).isEmpty();
        // the pool's connection is usable again
        tx.inTransaction(() -> {
            note("after");
            return null;
        });
        assertThat(notes()).containsExactly("after");
    }

    @Test
    void inATransactionThatHasNotWrittenTheyRunAtOnce() {
        clear();
        List<String> inside = tx.inTransaction(() -> {
            note("first");
            note("second");
            return notes();
        });

        // the first ran at once (the transaction had not written), the second then waited for the commit
        assertThat(inside).containsExactly("first");
        assertThat(notes()).containsExactly("first", "second");
    }

    @Test
    void outsideATransactionOneRunsAtOnce() {
        clear();
        note("alone");

        assertThat(notes()).containsExactly("alone");
    }

    @Test
    void readOnlyWorkRefusesThem() {
        assertThatThrownBy(() -> tx.readOnly(() -> {
            note("refused");
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }
}
