-- Readings: one narrow table keyed by (organization, counter, direction, instant). The key serves
-- every per-series question (ranges, neighbours, latest) as an index range scan. No foreign keys
-- and no sequences, so the table can be sharded by counter or become a TimescaleDB hypertable on
-- ts (the key contains ts, as hypertables require) - see ARCHITECTURE.md "Persistence".
CREATE TABLE reading (
    org_id      text        NOT NULL,
    counter_id  uuid        NOT NULL,
    direction   text        NOT NULL,
    ts          timestamptz NOT NULL,
    -- exact decimal, never binary floating point (DOMAIN.md "Values, instants, days")
    value       numeric     NOT NULL,
    meter_id    uuid        NOT NULL,
    source      text        NOT NULL,
    reason      text,
    read_by     text,
    status      text,
    external_id text,
    remark      text,
    note        text,
    unit        text,
    metadata    jsonb       NOT NULL DEFAULT '{}',
    -- when this version of the reading was written
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reading_pkey PRIMARY KEY (org_id, counter_id, direction, ts),
    CONSTRAINT reading_direction CHECK (direction IN ('feed-in', 'feed-out')),
    -- a cumulative register is never negative
    CONSTRAINT reading_value_not_negative CHECK (value >= 0),
    -- instants are stored to the millisecond
    CONSTRAINT reading_ts_millisecond CHECK (date_trunc('milliseconds', ts) = ts)
);

-- Prune and identifier matching select a meter's readings by external id. The index deliberately
-- does not start with org_id (queries still filter by it): an index led by org_id is a tempting
-- wrong path for the per-series scans while the table has no statistics yet, which made the
-- neighbour lookups scan a whole organization per probe during a first bulk import.
CREATE INDEX reading_meter_external_id ON reading (meter_id, external_id);

-- Identifier matching by external id alone (batch deletes without a meter).
CREATE INDEX reading_external_id ON reading (external_id, org_id) WHERE external_id IS NOT NULL;
