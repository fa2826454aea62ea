package org.onedoor.businesses.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onedoor.businesses.BusinessMatch;
import org.onedoor.businesses.BusinessProfile;
import org.onedoor.businesses.BusinessSearch;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the profiles with the trigram indexes on folded names and addresses, the phone digits and the FEIN.
 * Each business appears once, with the best of its matches as the reason.
 */
@Service
class BusinessSearchService implements BusinessSearch {

    // Queries shorter than this match only at the start of a name, because trigrams need three characters.
    private static final int MIN_CONTAINS_LENGTH = 3;
    private static final int MIN_PHONE_DIGITS = 4;
    // Scores of matches that contain the query or equal it; similar-only names score 0.5 times their similarity.
    private static final String MIN_DIRECT_SCORE = "0.6";
    private static final Pattern PHONE_QUERY = Pattern.compile("[0-9()+.\\-\\s/x]+");
    private static final Pattern FEIN_QUERY = Pattern.compile("([0-9]{2})-?([0-9]{7})");

    private final JdbcClient jdbc;
    private final BusinessProfiles profiles;

    BusinessSearchService(JdbcClient jdbc, BusinessProfiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    @Override
    @Transactional(readOnly = true)
    public ResultPage<BusinessMatch> search(String query, PageRequest page) {
        String typed = query == null ? "" : query.strip();
        String folded = typed.isEmpty() ? "" : jdbc.sql("SELECT coalesce(fold_text(:query), '')")
                .param("query", typed)
                .query(String.class)
                .single();
        if (folded.isEmpty() && digitsOf(typed).isEmpty()) {
            return listAll(page);
        }

        List<Row> rows = jdbc.sql(searchSql(folded))
                .param("folded", folded)
                .param("digits", phoneDigits(typed))
                .param("fein", fein(typed))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(BusinessSearchService::row)
                .list();
        long total = rows.isEmpty() ? countMatches(folded, typed, page) : rows.get(0).total();
        List<BusinessMatch> items = rows.stream().map(row -> row.toMatch(typed)).toList();
        return ResultPage.of(items, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BusinessProfile> findProfile(long businessId) {
        return profiles.find(businessId);
    }

    private ResultPage<BusinessMatch> listAll(PageRequest page) {
        List<Row> rows = jdbc.sql("""
                        WITH listed AS (
                            SELECT b.id AS business_id, b.legal_name, b.fein, b.folded_legal_name,
                                   NULL::text AS kind, NULL::text AS matched, 0.0 AS score,
                                   0::bigint AS total
                            FROM business b
                            WHERE b.merged_into_id IS NULL
                            ORDER BY b.folded_legal_name, b.id
                            LIMIT :limit OFFSET :offset)
                        """ + DISPLAY_SQL)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(BusinessSearchService::row)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM business WHERE merged_into_id IS NULL").query(Long.class).single();
        return ResultPage.of(rows.stream().map(row -> row.toMatch("")).toList(), page, total);
    }

    private long countMatches(String folded, String typed, PageRequest page) {
        if (page.page() == 0) {
            return 0;
        }
        return jdbc.sql(searchSql(folded))
                .param("folded", folded)
                .param("digits", phoneDigits(typed))
                .param("fein", fein(typed))
                .param("limit", 1)
                .param("offset", 0)
                .query(BusinessSearchService::row)
                .optional()
                .map(Row::total)
                .orElse(0L);
    }

    /**
     * Builds the search: one branch per kind of match, the best match per business, one page in rank order, and
     * the display columns of that page. Names that are only similar (pg_trgm word similarity) are kept only when
     * nothing contains the query, so "ragamuffin bakery and coffee" does not also list "PUERTORRICAN BAKERY &
     * COFFEE". Folded text holds only a-z, 0-9 and spaces, so it needs no LIKE escaping.
     */
    private static String searchSql(String folded) {
        boolean contains = folded.length() >= MIN_CONTAINS_LENGTH;
        String nameCondition = contains
                ? "%1$s LIKE '%%' || :folded || '%%' OR :folded <%% %1$s"
                : "%1$s LIKE :folded || '%%' OR ' ' || %1$s LIKE '%% ' || :folded || '%%'";
        String addressCondition = contains
                ? "e.folded_address LIKE '%' || :folded || '%' OR :folded <% e.folded_address"
                : "false";
        return """
                WITH hits AS (
                    SELECT b.id AS business_id, 'LEGAL_NAME' AS kind, b.legal_name AS matched,
                           %s AS score
                    FROM business b
                    WHERE :folded <> '' AND (%s)
                    UNION ALL
                    SELECT t.business_id, 'TRADE_NAME', t.name, %s
                    FROM business_trade_name t
                    WHERE :folded <> '' AND (%s)
                    UNION ALL
                    SELECT e.business_id, 'ADDRESS', NULL,
                           CASE WHEN e.folded_address LIKE :folded || '%%' THEN 0.75 ELSE 0.6 END
                    FROM establishment e
                    WHERE :folded <> '' AND (%s)
                    UNION ALL
                    SELECT e.business_id, 'PHONE', e.phone,
                           CASE WHEN e.phone_digits IN (:digits, '1' || :digits) THEN 0.95 ELSE 0.65 END
                    FROM establishment e
                    WHERE CAST(:digits AS text) IS NOT NULL AND e.phone_digits LIKE '%%' || :digits || '%%'
                    UNION ALL
                    SELECT b.id, 'FEIN', b.fein, 1.0
                    FROM business b
                    WHERE b.fein = :fein),
                best AS (
                    SELECT DISTINCT ON (business_id) business_id, kind, matched, score
                    FROM hits
                    ORDER BY business_id, score DESC, kind),
                kept AS (
                    SELECT * FROM best
                    WHERE score >= %s OR NOT EXISTS (SELECT 1 FROM best WHERE score >= %s)),
                listed AS (
                    SELECT kept.business_id, b.legal_name, b.fein, b.folded_legal_name, kept.kind, kept.matched,
                           kept.score, count(*) OVER () AS total
                    FROM kept
                    JOIN business b ON b.id = kept.business_id
                    WHERE b.merged_into_id IS NULL
                    ORDER BY kept.score DESC, b.folded_legal_name, b.id
                    LIMIT :limit OFFSET :offset)
                """.formatted(
                nameScore("b.folded_legal_name"), nameCondition.formatted("b.folded_legal_name"),
                nameScore("t.folded_name"), nameCondition.formatted("t.folded_name"),
                addressCondition, MIN_DIRECT_SCORE, MIN_DIRECT_SCORE)
                + DISPLAY_SQL;
    }

    /** Ranks a name: equal 1.0, prefix 0.9, a word starting with the query 0.8, containing 0.7, similar below. */
    private static String nameScore(String column) {
        return """
                CASE WHEN %1$s = :folded THEN 1.0
                     WHEN %1$s LIKE :folded || '%%' THEN 0.9
                     WHEN ' ' || %1$s LIKE '%% ' || :folded || '%%' THEN 0.8
                     WHEN %1$s LIKE '%%' || :folded || '%%' THEN 0.7
                     ELSE 0.5 * word_similarity(:folded, %1$s) END""".formatted(column);
    }

    private static final String DISPLAY_SQL = """
            SELECT r.business_id, r.legal_name, r.fein, r.kind, r.matched, r.score, r.total,
                   ARRAY(SELECT t.name FROM business_trade_name t WHERE t.business_id = r.business_id
                         ORDER BY t.id) AS trade_names,
                   e.address_line1, e.address_line2, e.city, e.state, e.postal_code, e.phone
            FROM listed r
            LEFT JOIN LATERAL (SELECT * FROM establishment x WHERE x.business_id = r.business_id
                               ORDER BY x.id LIMIT 1) e ON true
            ORDER BY r.score DESC, r.folded_legal_name, r.business_id
            """;

    private static String digitsOf(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    /** Returns the digits of a query that looks like a phone number, or {@code null}. */
    private static String phoneDigits(String typed) {
        String digits = digitsOf(typed);
        return digits.length() >= MIN_PHONE_DIGITS && PHONE_QUERY.matcher(typed).matches() ? digits : null;
    }

    /** Returns a query that looks like a FEIN as {@code 12-3456789}, or {@code null}. */
    private static String fein(String typed) {
        var matcher = FEIN_QUERY.matcher(typed);
        return matcher.matches() ? matcher.group(1) + "-" + matcher.group(2) : null;
    }

    private record Row(long id, String legalName, String fein, String kind, String matched, boolean similarOnly,
                       long total, List<String> tradeNames, String address, String phone) {

        BusinessMatch toMatch(String typed) {
            return new BusinessMatch(id, legalName, tradeNames, fein, address, phone, reason(typed));
        }

        private String reason(String typed) {
            if (kind == null) {
                return null;
            }
            String verb = similarOnly ? "is similar to" : "matches";
            return switch (kind) {
                case "LEGAL_NAME" -> "Legal name " + verb + " '" + typed + "'";
                case "TRADE_NAME" -> "Trade name '" + matched + "' " + verb + " '" + typed + "'";
                case "ADDRESS" -> "Address matches '" + typed + "'";
                case "PHONE" -> "Phone " + matched + " matches";
                case "FEIN" -> "FEIN matches";
                default -> throw new IllegalStateException("Unknown match kind " + kind);
            };
        }
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        String address = rs.getString("address_line1") == null && rs.getString("city") == null ? null
                : EstablishmentText.oneLine(rs.getString("address_line1"), rs.getString("address_line2"),
                rs.getString("city"), rs.getString("state"), rs.getString("postal_code"));
        return new Row(rs.getLong("business_id"), rs.getString("legal_name"), rs.getString("fein"),
                rs.getString("kind"), rs.getString("matched"), rs.getDouble("score") < Double.parseDouble(MIN_DIRECT_SCORE),
                rs.getLong("total"),
                strings(rs.getArray("trade_names")), address, rs.getString("phone"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
