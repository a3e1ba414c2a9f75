package io.metering.application.model;

/** What an import commits at once (docs/import-export.md). */
public enum ImportCommit {
    /** The whole file or nothing: one transaction, counters locked until the end. */
    FILE,
    /** Each chunk or nothing: a rejected reading leaves the chunks before it stored. */
    CHUNK
}
