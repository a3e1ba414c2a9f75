package io.metering.bootstrap.importer;

import io.metering.domain.error.ReasonCode;

/**
 * The import readers' own refusal: a file that is not of the format it claims (docs/import-export.md).
 * No rule of the domain gives it; the wire code is the one the HTTP edge gives a malformed body,
 * since the file is the import request's body.
 */
public enum ImportFileReason implements ReasonCode {
    /** A CSV file or MSCONS interchange that cannot be read as one (a bad header, a missing segment). */
    MALFORMED_FILE("invalid_body"),
    /**
     * A CSV quote never closed: read as RFC 4180 says, its field would take in every line after it,
     * so the file is refused naming the quote's line rather than a record's count of fields.
     */
    UNCLOSED_QUOTE("unclosed_quote");

    private final String code;

    ImportFileReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
