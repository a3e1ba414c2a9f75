package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker of {@link OrgBoundSqlTest} finds the holes it is there to find. */
class OrgPredicatesTest {

    @Test
    void acceptsStatementsBoundedByOrganization() {
        assertThat(OrgPredicates.problems("SELECT id FROM meter WHERE org_id = :org AND id = CAST(:id AS uuid)")).isEmpty();
        assertThat(OrgPredicates.problems("INSERT INTO meter (org_id, id) VALUES (:org, :id)")).isEmpty();
        assertThat(OrgPredicates.problems("SELECT * FROM x JOIN reading r ON r.org_id = :org AND r.ts = x.ts"
                + " WHERE (r.a = 1 OR r.b = 2) ORDER BY r.ts")).isEmpty();
        assertThat(OrgPredicates.problems("(SELECT a FROM reading WHERE org_id = :org AND ts > 1) UNION ALL"
                + " (SELECT a FROM reading WHERE org_id = :org AND ts < 1)")).isEmpty();
    }

    @Test
    void findsAMissingOrDisjoinedOrganization() {
        assertThat(OrgPredicates.problems("SELECT id FROM meter WHERE id = CAST(:id AS uuid)")).isNotEmpty();
        assertThat(OrgPredicates.problems("DELETE FROM changeset WHERE id = :id")).isNotEmpty();
        assertThat(OrgPredicates.problems("UPDATE counter SET unit = :unit WHERE id = :id")).isNotEmpty();
        assertThat(OrgPredicates.problems("INSERT INTO reading (counter_id, ts) VALUES (:c, :t)")).isNotEmpty();
        assertThat(OrgPredicates.problems("SELECT * FROM meter WHERE id = :id OR org_id = :org")).isNotEmpty();
        assertThat(OrgPredicates.problems("SELECT * FROM meter WHERE org_id = :org AND a = 1 OR b = 2")).isNotEmpty();
        assertThat(OrgPredicates.problems("SELECT * FROM meter WHERE org_id = :other")).isNotEmpty();
        assertThat(OrgPredicates.problems("SELECT * FROM reading r WHERE r.org_id = :org AND EXISTS"
                + " (SELECT 1 FROM reading q WHERE q.counter_id = r.counter_id)")).as("a second reference, unbounded").isNotEmpty();
        assertThat(OrgPredicates.problems("SELECT * FROM reading r WHERE org_id = :org")).as("the alias's own predicate").isNotEmpty();
    }
}
