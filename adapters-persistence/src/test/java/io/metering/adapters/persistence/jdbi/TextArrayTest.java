package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.SharedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TextArray} reaches PostgreSQL element for element: texts an array literal would have to
 * quote or escape, empty texts, the text "NULL" and SQL NULL elements, in their order, through the
 * pool the service uses.
 */
class TextArrayTest {
    private static final List<String> AWKWARD = Arrays.asList("plain", "", "NULL", null, "with \"quotes\"", "back\\slash",
            "a,b", "{braces}", " padded ", "Zählerstand ÄÖÜ ß €", "line\nbreak", "tab\there", "😀", null);

    private static HikariDataSource pool;
    private static Jdbi jdbi;

    @BeforeAll
    static void pool() {
        pool = DataSources.pooled(SharedPostgres.jdbcUrl(SharedPostgres.newDatabase()), SharedPostgres.USER, null, 2);
        jdbi = Jdbi.create(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void everyElementArrivesAsGivenAndNullsAsSqlNull() {
        List<String> back = jdbi.withHandle(h -> h.createQuery("SELECT t FROM unnest(:texts) WITH ORDINALITY AS u(t, i) ORDER BY i")
                .bind("texts", TextArray.of(AWKWARD))
                .map((rs, ctx) -> rs.getString("t"))
                .list());
        int nulls = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM unnest(:texts) AS u(t) WHERE t IS NULL")
                .bind("texts", TextArray.of(AWKWARD)).mapTo(Integer.class).one());

        assertThat(back).containsExactlyElementsOf(AWKWARD);
        assertThat(nulls).isEqualTo(2);
    }

    @Test
    void castsToTheColumnTypesTheStatementsName() {
        List<String> texts = new ArrayList<>(List.of("2026-03-01 00:00:00.123+00", "1.000000000000000000001"));
        String row = jdbi.withHandle(h -> h.createQuery("SELECT (CAST(:ts AS timestamptz[]))[1] AT TIME ZONE 'UTC' || ' '"
                        + " || (CAST(:value AS numeric[]))[1] || ' ' || cardinality(CAST(:empty AS uuid[]))")
                .bind("ts", TextArray.of(texts.subList(0, 1)))
                .bind("value", TextArray.of(texts.subList(1, 2)))
                .bind("empty", TextArray.of(List.of()))
                .mapTo(String.class).one());

        assertThat(row).isEqualTo("2026-03-01 00:00:00.123 1.000000000000000000001 0");
    }
}
