-- Find-as-you-type in the console (docs/console.md "Find a meter"): MaLo id and meter number by a
-- case-insensitive prefix, lower(x) LIKE 'abc%'. text_pattern_ops lets LIKE use the index whatever
-- the database's collation.
CREATE INDEX meter_org_ma_lo_id_prefix ON meter (org_id, lower(ma_lo_id) text_pattern_ops);
CREATE INDEX meter_org_meter_number_prefix ON meter (org_id, lower(meter_number) text_pattern_ops);
