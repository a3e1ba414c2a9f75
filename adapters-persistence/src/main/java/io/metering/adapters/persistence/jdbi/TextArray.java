package io.metering.adapters.persistence.jdbi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A {@code text[]} statement parameter (null elements are SQL NULL) that pgjdbc sends in
 * PostgreSQL's binary array format. Jdbi's {@code bindArray} hands pgjdbc an {@code Object[]}, which
 * pgjdbc can only send as an array literal built and escaped element by element (the largest share
 * of the write path's binding in the profile of docs/benchmarks.md, "Binary array parameters"); a
 * {@code String[]} is sent as length-prefixed bytes. Statements cast it where they need another type
 * ({@code CAST(:ids AS uuid[])}).
 */
final class TextArray implements Argument {
    private final String[] elements;

    private TextArray(String[] elements) {
        this.elements = elements;
    }

    /** The given texts, in their order. */
    static TextArray of(Collection<String> texts) {
        return new TextArray(texts.toArray(String[]::new));
    }

    /** The given texts (the array is not copied: the caller hands it over). */
    static TextArray of(String[] texts) {
        return new TextArray(texts);
    }

    /** One element per item: {@code column(item)}, in the items' order. */
    static <T> TextArray of(List<T> items, Function<? super T, String> column) {
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.apply(items.get(i));
        }
        return new TextArray(out);
    }

    @Override
    public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
        statement.setArray(position, statement.getConnection().createArrayOf("text", elements));
    }

    /** Jdbi describes bound values with this (statement logs and JFR events): the size, not the texts. */
    @Override
    public String toString() {
        return "text[" + elements.length + "]";
    }
}
