package io.metering.adapters.persistence.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lifts the change events' positions of a restored store above the restored ones (V11,
 * docs/events.md "Backup and restore"). A position is the writing transaction's id plus the
 * {@code change_event_epoch} offset; transaction ids belong to one PostgreSQL cluster, so in another
 * cluster new transactions may get ids below the restored positions, and a consumer holding a cursor
 * from before the restore would skip their events. Run in the restore's transaction, after its rows
 * are copied: the offset becomes (highest restored position, of an event or of the purge horizon)
 * minus this transaction's id plus one, or 0 when that is not positive. Every later transaction has
 * a higher id, so its positions lie above every restored one, and the feed's visibility horizon,
 * shifted by the same offset, keeps the ordering guarantee.
 */
final class EventPositionEpoch {
    private EventPositionEpoch() {}

    /**
     * @param c the restore's connection, inside its transaction
     * @return the offset now in force
     */
    static long lift(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO change_event_epoch (singleton, tx_offset)
                SELECT true, greatest(0, coalesce(greatest(
                        (SELECT max(tx_id::text::bigint) FROM change_event),
                        (SELECT tx_id::text::bigint FROM change_event_horizon)), 0) - pg_current_xact_id()::text::bigint + 1)
                ON CONFLICT (singleton) DO UPDATE SET tx_offset = EXCLUDED.tx_offset
                RETURNING tx_offset""");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
