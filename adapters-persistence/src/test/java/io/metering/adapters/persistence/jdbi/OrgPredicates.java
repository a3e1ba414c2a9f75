package io.metering.adapters.persistence.jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a SQL statement bounds every use of a tenant table ({@code meter}, {@code counter},
 * {@code reading}, {@code changeset}) by the caller's organization, so that ids alone never reach
 * data:
 * <ul>
 *   <li>{@code INSERT INTO t (...)}: the column list names {@code org_id} and the statement binds
 *       {@code :org};</li>
 *   <li>every other reference ({@code FROM}, {@code JOIN}, {@code UPDATE}, {@code DELETE FROM}),
 *       aliased or not, has its own predicate {@code [alias.]org_id = :org}, conjoined: right after
 *       {@code WHERE}, {@code AND} or {@code ON}, and followed by {@code AND} or the clause's end;</li>
 *   <li>no {@code OR} stands unparenthesized in a {@code WHERE} or {@code ON} clause, where it could
 *       bypass the organization ({@code org_id = :org AND a OR b}).</li>
 * </ul>
 * A textual check, not a SQL parser: it is strict about the shapes this adapter writes, so a new
 * statement that does not fit fails and gets looked at.
 */
final class OrgPredicates {
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(INSERT\\s+INTO|FROM|JOIN|UPDATE)\\s+(meter|counter|reading|changeset)\\b"
                    + "(?:\\s+(?:AS\\s+)?(?!(?:WHERE|SET|ON|JOIN|ORDER|LIMIT|CROSS|LEFT|INNER|VALUES|FOR|GROUP|UNION)\\b)([a-z_][a-z0-9_]*))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREDICATE = Pattern.compile(
            "\\b(?:WHERE|AND|ON)\\s+(?:([a-z_][a-z0-9_]*)\\.)?org_id\\s*=\\s*:org\\b\\s*(?=AND\\b|ORDER\\b|LIMIT\\b|FOR\\b|GROUP\\b|\\)|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_COLUMNS = Pattern.compile("^\\s*\\(([^)]*)\\)");

    private OrgPredicates() {}

    /**
     * @param sql a statement as the adapter writes it (named parameters, {@code :org})
     * @return what is wrong with it; empty when every tenant table is bounded by organization
     */
    static List<String> problems(String sql) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> references = new HashMap<>();
        Matcher m = REFERENCE.matcher(sql);
        while (m.find()) {
            String table = m.group(2).toLowerCase(Locale.ROOT);
            if (m.group(1).toUpperCase(Locale.ROOT).startsWith("INSERT")) {
                Matcher cols = INSERT_COLUMNS.matcher(sql.substring(m.end()));
                if (!cols.find() || !cols.group(1).matches("(?s).*\\borg_id\\b.*") || !sql.contains(":org")) {
                    problems.add("INSERT INTO " + table + " does not set org_id from :org");
                }
                continue;
            }
            references.merge(alias(m.group(3)), 1, Integer::sum);
        }
        Map<String, Integer> predicates = new HashMap<>();
        Matcher p = PREDICATE.matcher(sql);
        while (p.find()) {
            predicates.merge(alias(p.group(1)), 1, Integer::sum);
        }
        references.forEach((alias, count) -> {
            int bound = predicates.getOrDefault(alias, 0);
            if (bound < count) {
                problems.add(count + " reference(s) to a tenant table" + (alias.isEmpty() ? "" : " as " + alias) + " but " + bound
                        + " conjoined " + (alias.isEmpty() ? "" : alias + ".") + "org_id = :org predicate(s)");
            }
        });
        if (hasBareOr(sql)) {
            problems.add("an OR outside parentheses in a WHERE or ON clause can bypass the organization");
        }
        return problems;
    }

    private static String alias(String alias) {
        return alias == null ? "" : alias.toLowerCase(Locale.ROOT);
    }

    /** Whether an {@code OR} sits at the parenthesis depth of a {@code WHERE} or {@code ON} seen before it. */
    private static boolean hasBareOr(String sql) {
        String s = sql.replaceAll("'[^']*'", "''").toUpperCase(Locale.ROOT);
        List<Boolean> inCondition = new ArrayList<>(List.of(false));
        Matcher tokens = Pattern.compile("\\(|\\)|\\b(WHERE|ON|OR|SELECT)\\b").matcher(s);
        while (tokens.find()) {
            String tok = tokens.group();
            int depth = inCondition.size() - 1;
            switch (tok) {
                case "(" -> inCondition.add(false);
                case ")" -> {
                    if (depth > 0) {
                        inCondition.remove(depth);
                    }
                }
                case "WHERE", "ON" -> inCondition.set(depth, true);
                case "SELECT" -> inCondition.set(depth, false);
                case "OR" -> {
                    if (inCondition.get(depth)) {
                        return true;
                    }
                }
                default -> throw new IllegalStateException(tok);
            }
        }
        return false;
    }
}
