-- Imports of uploaded files run beside the service (docs/import-export.md "Imports over HTTP").
-- A job's row is written when it is queued, starts and ends, each in its own transaction, never in
-- the import's: a killed import rolls back its readings and leaves its job 'running', which the
-- next start marks 'failed'.
CREATE TABLE import_job (
    org_id       text        NOT NULL,
    id           uuid        NOT NULL,
    format       text        NOT NULL,
    commit_mode  text        NOT NULL,
    status       text        NOT NULL,
    rows_read    bigint      NOT NULL DEFAULT 0,
    rows_stored  bigint      NOT NULL DEFAULT 0,
    rows_refused bigint      NOT NULL DEFAULT 0,
    -- [{row, line, reason, message}]
    refusals     jsonb       NOT NULL DEFAULT '[]',
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    CONSTRAINT import_job_pkey PRIMARY KEY (org_id, id)
);

CREATE INDEX import_job_unfinished ON import_job (status) WHERE status IN ('queued', 'running');
