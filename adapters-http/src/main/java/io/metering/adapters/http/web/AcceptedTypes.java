package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.metering.adapters.http.error.HttpFailure;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.QuotedCSV;

/**
 * Whether a request's {@code Accept} header admits an answer of the API (RFC 9110 section 12.5.1).
 * The API's routes ({@code /v1/metering/...}, {@code /v2/metering/...}) answer JSON, and the reads
 * of the CSV routes given to it CSV as well; a request whose {@code Accept} admits none of them answers 406
 * {@code not_acceptable} (a JSON error body, as every refusal) instead of the JSON it did not ask
 * for. No header, {@code *}{@code /*}, {@code application/*}, {@code application/json} and lists
 * that hold one of them admit JSON. A range's weight is the one of the most specific range that
 * matches the type, so {@code application/json;q=0, *}{@code /*} admits no JSON. The docs page,
 * health probes and static pages are not API routes and are not judged.
 */
public final class AcceptedTypes {
    /** The JSON media type. */
    public static final String JSON = "application/json";

    private static final List<String> JSON_ONLY = List.of(JSON);
    private static final List<String> JSON_OR_CSV = List.of(JSON, CsvNegotiation.CSV);

    private final Set<String> csvRoutes;

    /** @param csvRoutes the route templates whose GET answers CSV too (getReadingsByInterval, consumption) */
    public AcceptedTypes(Set<String> csvRoutes) {
        this.csvRoutes = Set.copyOf(csvRoutes);
    }

    /**
     * For a request whose route is matched: an API route whose types the {@code Accept} header
     * admits none of answers 406.
     *
     * @throws HttpFailure 406 {@code not_acceptable} naming the header and the route's types
     */
    public void require(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null || !(endpoint.path.startsWith("/v1/metering/") || endpoint.path.startsWith("/v2/metering/"))) {
            return;
        }
        String accept = ctx.header("Accept");
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        List<String> answers = read && csvRoutes.contains(endpoint.path) ? JSON_OR_CSV : JSON_ONLY;
        if (answers.stream().noneMatch(type -> admits(accept, type))) {
            throw HttpFailure.notAcceptable(accept, String.join(" or ", answers));
        }
    }

    /**
     * @param accept the header's value, null when none was sent
     * @param type a media type without parameters, e.g. {@code application/json}
     * @return whether the most specific range matching the type has a weight above 0; true without
     *     a header (or an empty one), false when no range matches
     */
    public static boolean admits(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String major = type.substring(0, type.indexOf('/'));
        int best = -1; // 0: */*, 1: major/*, 2: the type itself
        double weight = 0;
        for (String range : new QuotedCSV(false, accept).getValues()) {
            String[] parts = range.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            int specificity = name.equals(type) ? 2 : name.equals(major + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
            if (specificity > best) {
                best = specificity;
                weight = weight(parts);
            }
        }
        return best >= 0 && weight > 0;
    }

    /** The {@code q} parameter; 1 when absent, 0 when it is not a number (a malformed weight admits nothing). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
