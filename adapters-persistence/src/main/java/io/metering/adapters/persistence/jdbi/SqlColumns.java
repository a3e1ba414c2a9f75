package io.metering.adapters.persistence.jdbi;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Column lists of the row mappers, rewritten for statements that read several tables at once. */
final class SqlColumns {
    private SqlColumns() {}

    /** The comma-separated {@code columns} of table alias {@code alias}, each named {@code prefix + column}. */
    static String prefixed(String columns, String alias, String prefix) {
        return Arrays.stream(columns.split(","))
                .map(String::trim)
                .map(c -> alias + "." + c + " AS " + prefix + c)
                .collect(Collectors.joining(", "));
    }

    /**
     * The comma-separated {@code columns} of table alias {@code alias}, each named {@code prefix +
     * column}, each null unless {@code condition} holds (e.g. only on the first row of a result, so
     * a page carries its meter and counter once).
     */
    static String prefixed(String columns, String alias, String prefix, String condition) {
        return Arrays.stream(columns.split(","))
                .map(String::trim)
                .map(c -> "CASE WHEN " + condition + " THEN " + alias + "." + c + " END AS " + prefix + c)
                .collect(Collectors.joining(", "));
    }
}
