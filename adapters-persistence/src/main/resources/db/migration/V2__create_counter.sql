-- Counters (registers) of meters. No foreign key to meter: deleting a meter deletes its counters
-- in the repository's transaction, and the schema stays distributable (ARCHITECTURE.md).
CREATE TABLE counter (
    org_id            text        NOT NULL,
    id                uuid        NOT NULL,
    meter_id          uuid        NOT NULL,
    title             text,
    obis_number       text,
    direction         text,
    tariff_type       text,
    unit              text,
    transformer_ratio numeric,
    conversion_factor numeric,
    register_capacity numeric,
    attributes        jsonb       NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT counter_pkey PRIMARY KEY (org_id, id)
);

-- the counters of a meter, in their listing order (creation time then id)
CREATE INDEX counter_org_meter ON counter (org_id, meter_id, created_at, id);
