package io.metering.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema can be distributed by organization (docs/scaling.md "A distributed
 * PostgreSQL"): every table's primary key and every unique index begins with {@code org_id}, so a
 * table distributed on {@code org_id} keeps its uniqueness checks on one shard; every foreign key
 * joins {@code org_id} to {@code org_id}, so it never crosses organizations (shards). Tables outside
 * the rule are named here as reference tables (copied to every node), so a new one is a decision,
 * not an accident. Read from the catalog ({@code pg_index}, {@code pg_constraint}) of a freshly
 * migrated database.
 */
class DistributableSchemaTest {
    /** Tables that a distributed database keeps whole on every node, or that are the migrator's own. */
    private static final Set<String> REFERENCE_TABLES = Set.of("flyway_schema_history", "change_event_horizon", "change_event_epoch");

    @Test
    void everyKeyAndUniqueIndexOfTheMigratedSchemaBeginsWithTheOrganization() {
        String database = SharedPostgres.newDatabase();
        try (PostgresPersistence ignored = PostgresPersistence.start(DataSources.pooled(SharedPostgres.jdbcUrl(database), "postgres",
                null, 2), PersistenceSettings.defaults())) {
            List<String> tables = Jdbi.create(SharedPostgres.jdbcUrl(database), "postgres", "").withHandle(h -> tables(h, "public"));
            List<String> violations = Jdbi.create(SharedPostgres.jdbcUrl(database), "postgres", "")
                    .withHandle(h -> violations(h, "public"));

            assertThat(tables).contains("meter", "counter", "reading", "changeset", "change_event", "import_job", "interval_value");
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void aKeyWithoutTheOrganizationOrAForeignKeyAcrossOrganizationsIsReported() {
        String database = SharedPostgres.newDatabase();
        List<String> violations = Jdbi.create(SharedPostgres.jdbcUrl(database), "postgres", "").withHandle(h -> {
            h.execute("CREATE TABLE keyed_by_id (id uuid PRIMARY KEY, org_id text NOT NULL)");
            h.execute("CREATE TABLE parent (org_id text, id uuid, PRIMARY KEY (org_id, id))");
            h.execute("CREATE UNIQUE INDEX parent_id ON parent (id)");
            h.execute("CREATE TABLE child (org_id text, id uuid, parent_id uuid REFERENCES parent (id), PRIMARY KEY (org_id, id))");
            h.execute("CREATE TABLE no_key (org_id text)");
            h.execute("CREATE TABLE fine (org_id text, id uuid, parent_id uuid, PRIMARY KEY (org_id, id),"
                    + " FOREIGN KEY (org_id, parent_id) REFERENCES parent (org_id, id))");
            return violations(h, "public");
        });

        assertThat(violations).containsExactlyInAnyOrder(
                "keyed_by_id: unique index keyed_by_id_pkey begins with id, not org_id",
                "parent: unique index parent_id begins with id, not org_id",
                "child: foreign key child_parent_id_fkey does not join org_id to org_id",
                "no_key: no primary key");
    }

    private static List<String> tables(Handle h, String schema) {
        return h.createQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = :schema AND c.relkind IN ('r', 'p') ORDER BY 1")
                .bind("schema", schema).mapTo(String.class).list();
    }

    /** What stands in the way of distributing the schema's tables by {@code org_id}, one line each. */
    private static List<String> violations(Handle h, String schema) {
        List<String> out = new ArrayList<>();
        for (String table : tables(h, schema)) {
            if (REFERENCE_TABLES.contains(table)) {
                continue;
            }
            boolean hasKey = h.createQuery("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :schema AND c.relname = :table AND i.indisprimary")
                    .bind("schema", schema).bind("table", table).mapTo(Integer.class).one() > 0;
            if (!hasKey) {
                out.add(table + ": no primary key");
            }
            h.createQuery("SELECT ic.relname AS index, a.attname AS first FROM pg_index i"
                            + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " JOIN pg_class ic ON ic.oid = i.indexrelid"
                            + " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                            + " WHERE n.nspname = :schema AND c.relname = :table AND i.indisunique ORDER BY 1")
                    .bind("schema", schema).bind("table", table)
                    .map((rs, ctx) -> "org_id".equals(rs.getString("first")) ? null : table + ": unique index " + rs.getString("index")
                            + " begins with " + (rs.getString("first") == null ? "an expression" : rs.getString("first")) + ", not org_id")
                    .list().stream().filter(java.util.Objects::nonNull).forEach(out::add);
            // each foreign key must pair org_id on the referencing side with org_id on the referenced side
            h.createQuery("SELECT k.conname,"
                            + " EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS p(mine, theirs)"
                            + "   JOIN pg_attribute am ON am.attrelid = k.conrelid AND am.attnum = p.mine"
                            + "   JOIN pg_attribute at ON at.attrelid = k.confrelid AND at.attnum = p.theirs"
                            + "   WHERE am.attname = 'org_id' AND at.attname = 'org_id') AS same_org"
                            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname = :schema AND c.relname = :table AND k.contype = 'f' ORDER BY 1")
                    .bind("schema", schema).bind("table", table)
                    .map((rs, ctx) -> rs.getBoolean("same_org") ? null
                            : table + ": foreign key " + rs.getString("conname") + " does not join org_id to org_id")
                    .list().stream().filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return out;
    }
}
