-- Webhook subscriptions, their delivery state and their attempts (docs/webhooks.md).
-- The signing secrets are stored as given to the admin (HMAC needs the key itself): whoever reads
-- this table can sign as the service, so it is guarded like the rest of the database and its
-- backups; the service never logs them nor answers them after creation or rotation.
CREATE TABLE webhook_subscription (
    id                    uuid        NOT NULL,
    org_id                text        NOT NULL,
    url                   text        NOT NULL,
    -- CloudEvents types sent; empty: every type
    event_types           text[]      NOT NULL DEFAULT '{}',
    enabled               boolean     NOT NULL,
    description           text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    -- delivery: the feed cursor of the last acknowledged event, failures of the head in a row
    cursor                text        NOT NULL,
    failures              integer     NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz NOT NULL,
    failing_since         timestamptz,
    disabled_reason       text,
    -- the instance delivering it, until its lease expires (a killed instance's lease runs out)
    lease_owner           text,
    lease_until           timestamptz,
    -- keys begin with org_id like every table's (docs/scaling.md: distributable by organization)
    CONSTRAINT webhook_subscription_pkey PRIMARY KEY (org_id, id)
);

CREATE INDEX webhook_subscription_org ON webhook_subscription (org_id, created_at);
-- the delivery worker saves a claimed subscription's progress by its id alone
CREATE INDEX webhook_subscription_id ON webhook_subscription (id);
CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE enabled;

CREATE TABLE webhook_attempt (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    subscription_id  uuid        NOT NULL,
    org_id           text        NOT NULL,
    event_id         text        NOT NULL,
    event_type       text        NOT NULL,
    -- the event's feed position; null for a test message
    position         text,
    attempted_at     timestamptz NOT NULL,
    -- null when no answer came (refused, timed out)
    status           integer,
    duration_ms      bigint      NOT NULL,
    error            text,
    response_excerpt text,
    CONSTRAINT webhook_attempt_pkey PRIMARY KEY (org_id, id),
    CONSTRAINT webhook_attempt_subscription_fkey FOREIGN KEY (org_id, subscription_id)
        REFERENCES webhook_subscription (org_id, id) ON DELETE CASCADE
);

CREATE INDEX webhook_attempt_subscription ON webhook_attempt (org_id, subscription_id, id);
