-- Issue 17: an import over HTTP tells how many readings it stored as implausible (docs/import-export.md).
-- Implausible readings take no part in ordering checks, so without the count a decreasing pair
-- marked implausible passes an import without a word.
ALTER TABLE import_job ADD COLUMN rows_implausible bigint NOT NULL DEFAULT 0;
