-- Imports find meters by their MeLo id, kept as the meter attribute me_lo_id (docs/import-export.md "Keys").
CREATE INDEX meter_org_me_lo_id ON meter (org_id, (attributes ->> 'me_lo_id'));
