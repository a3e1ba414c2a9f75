-- Pending governed edits of readings (DOMAIN.md "Changesets").
CREATE TABLE changeset (
    org_id     text        NOT NULL,
    id         uuid        NOT NULL,
    meter_id   uuid        NOT NULL,
    counter_id uuid        NOT NULL,
    proposed   jsonb       NOT NULL,
    previous   jsonb,
    -- edit_mode, match_strategy, fuzzy_config, timestamp_tolerance at the time of the proposal
    governance jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    created_by jsonb,
    source     text,
    CONSTRAINT changeset_pkey PRIMARY KEY (org_id, id)
);

-- the pending changesets of counters, oldest first
CREATE INDEX changeset_org_counter ON changeset (org_id, counter_id, created_at, id);
