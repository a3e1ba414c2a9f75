-- Interval values (load profiles, docs/load-profiles.md): the quantity of a counter over [start_at, end_at),
-- such as the 15-minute energy values of an MSCONS message. Exact (numeric); an import replaces the values
-- its span overlaps, and values of one message may overlap (each is kept, in message order: position). Like readings, no foreign key: deleting a counter
-- deletes its interval values explicitly (CounterCascade).
CREATE TABLE interval_value (
    org_id     text        NOT NULL,
    counter_id uuid        NOT NULL,
    start_at   timestamptz NOT NULL,
    end_at     timestamptz NOT NULL,
    value      numeric     NOT NULL,
    quality    text        NOT NULL,
    source     text,
    position   integer     NOT NULL,
    CONSTRAINT interval_value_pkey PRIMARY KEY (org_id, counter_id, start_at, position),
    CONSTRAINT interval_value_not_empty CHECK (end_at > start_at)
);
