package io.metering.adapters.persistence.jdbi;

import io.metering.domain.tenant.OrganizationId;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Deletes counters with their readings and changesets, in the caller's transaction. Readings have no
 * foreign keys (docs/architecture.md#persistence), so the cascade is explicit; each delete is a range
 * of the table's organization-and-counter key prefix.
 */
final class CounterCascade {
    private CounterCascade() {}

    /**
     * Locks the counters of the selection in id order (the order every counter lock uses, so
     * deleters and reading writers cannot deadlock) and returns their ids.
     *
     * @param where a condition on {@code counter} with parameters {@code :org} and {@code :key}
     */
    static List<UUID> lock(Handle h, OrganizationId org, String where, String key) {
        return h.createQuery("SELECT id FROM counter WHERE org_id = :org AND " + where + " ORDER BY id FOR UPDATE")
                .bind("org", org.value())
                .bind("key", key)
                .mapTo(UUID.class)
                .list();
    }

    /** Deletes the counters, their readings, changesets and interval values. */
    static void delete(Handle h, OrganizationId org, List<UUID> counterIds) {
        if (counterIds.isEmpty()) {
            return;
        }
        List<String> ids = counterIds.stream().map(UUID::toString).toList();
        for (String table : List.of("reading", "changeset", "interval_value")) {
            h.createUpdate("DELETE FROM " + table + " WHERE org_id = :org AND counter_id = ANY(CAST(:ids AS uuid[]))")
                    .bind("org", org.value())
                    .bind("ids", TextArray.of(ids))
                    .execute();
        }
        h.createUpdate("DELETE FROM counter WHERE org_id = :org AND id = ANY(CAST(:ids AS uuid[]))")
                .bind("org", org.value())
                .bind("ids", TextArray.of(ids))
                .execute();
    }
}
