-- The organization's review queues (docs/console.md "Queues").
-- Pending changesets, oldest first across all counters: the queue's order and its keyset cursor.
CREATE INDEX changeset_org_created ON changeset (org_id, created_at, id);
-- Implausible readings, by time across all counters. Partial: it holds only the few implausible
-- rows, so it costs nothing on the plausible bulk of the series. A plain CREATE INDEX (not
-- CONCURRENTLY) also works when reading is already a TimescaleDB hypertable: each chunk gets it.
CREATE INDEX reading_org_implausible ON reading (org_id, ts, counter_id, direction) WHERE status = 'implausible';
