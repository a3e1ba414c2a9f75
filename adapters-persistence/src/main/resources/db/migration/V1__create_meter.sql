-- Meters (DOMAIN.md "Terms"). Every table is keyed by organization first: nothing ever crosses
-- organizations, and every query names the organization, so the key prefix serves all of them.
CREATE TABLE meter (
    org_id             text        NOT NULL,
    id                 uuid        NOT NULL,
    title              text,
    tags               text[]      NOT NULL DEFAULT '{}',
    ma_lo_id           text,
    meter_number       text,
    status             text        NOT NULL,
    sector             text,
    meter_type         text,
    tariff_type        text,
    used_for           text,
    manufacturer       text,
    calibration_date   text,
    -- the relation lists as the domain holds them ([{entity_id, _slug}]) ...
    customers          jsonb       NOT NULL DEFAULT '[]',
    contracts          jsonb       NOT NULL DEFAULT '[]',
    -- ... and their entity ids alone, for portal scoping and the customer/contract filters
    customer_ids       text[]      NOT NULL DEFAULT '{}',
    contract_ids       text[]      NOT NULL DEFAULT '{}',
    contract_periods   jsonb       NOT NULL DEFAULT '[]',
    reading_governance jsonb,
    -- attributes the contract does not name, returned as they came
    attributes         jsonb       NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT meter_pkey PRIMARY KEY (org_id, id)
);

CREATE INDEX meter_org_ma_lo_id ON meter (org_id, ma_lo_id);
CREATE INDEX meter_org_meter_number ON meter (org_id, meter_number);
-- searches list meters by creation time then id
CREATE INDEX meter_org_created ON meter (org_id, created_at, id);
-- Contact and contract ids are UUID-like and practically unique across organizations, so an
-- index on the ids alone is selective; the organization is checked on the few rows it finds
-- (a composite GIN index would need the btree_gin extension).
CREATE INDEX meter_customer_ids ON meter USING gin (customer_ids);
CREATE INDEX meter_contract_ids ON meter USING gin (contract_ids);
