-- Event positions that survive a restore into another PostgreSQL cluster (docs/events.md "Backup and
-- restore"). A position's tx_id is the writing transaction's id plus tx_offset, and the feed's
-- visibility horizon (the snapshot's xmin) and its "ahead of the feed" limit (xmax) are shifted by the
-- same offset, so the ordering argument of V7 holds unchanged. Transaction ids belong to one cluster:
-- a restore sets tx_offset so that every new position lies above every restored one (a consumer's
-- cursor from before the restore then skips nothing). No row means 0, so a new store is empty, as a
-- restore requires; the offset is set only by a restore, into an empty store, and never changes after.
CREATE TABLE change_event_epoch (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    tx_offset  bigint      NOT NULL CHECK (tx_offset >= 0)
);

-- a transaction id (xid8) as a position: plus the offset. xid8 has no arithmetic, hence through text
-- (transaction ids stay far below 2^63)
CREATE FUNCTION change_event_position(xid xid8) RETURNS xid8 LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (xid::text::bigint + coalesce((SELECT tx_offset FROM change_event_epoch), 0))::text::xid8
$$;

ALTER TABLE change_event ALTER COLUMN tx_id SET DEFAULT change_event_position(pg_current_xact_id());
