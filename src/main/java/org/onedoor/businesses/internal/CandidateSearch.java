package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onedoor.businesses.internal.BusinessCandidates.Candidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the businesses a record could be a duplicate of and ranks them by {@link MatchScorer}. Candidates come
 * only through indexes: exact blocking keys (FEIN, name key without spaces, phone in E.164, website key, address
 * key with house number) and the trigram indexes on folded legal and trade names, at most
 * {@link #SIMILAR_NAMES_PER_NAME} per name, so the search does not slow down as the table grows.
 */
@Component
public class CandidateSearch {

    /** Businesses read per name through the trigram indexes, most similar first. */
    public static final int SIMILAR_NAMES_PER_NAME = 20;

    /** A candidate with its score and evidence. */
    record Scored(Candidate candidate, MatchResult result) {
    }

    // Exact blocking keys, each through its B-tree index.
    private static final String KEY_LOOKUPS = """
            SELECT id FROM business WHERE fein = :fein
            UNION
            SELECT id FROM business WHERE name_key = ANY (CAST(:nameKeys AS text[]))
            UNION
            SELECT business_id FROM business_trade_name WHERE name_key = ANY (CAST(:nameKeys AS text[]))
            UNION
            SELECT business_id FROM establishment WHERE phone_e164 = ANY (CAST(:phones AS text[]))
            UNION
            SELECT business_id FROM establishment WHERE address_key = ANY (CAST(:streets AS text[]))
            UNION
            SELECT id FROM business WHERE website_key = :websiteKey
            """;

    // Similar names through the trigram indexes. Each name is its own parameter rather than an element of an array
    // joined laterally, so the planner knows the value and estimates the trigram match as selective. With a lateral
    // parameter it assumes that 2% of the table matches and reads the table sequentially.
    private static final String SIMILAR_NAMES = """
            UNION
            (SELECT id FROM business
             WHERE folded_legal_name % :name{i} OR :name{i} <% folded_legal_name
             ORDER BY word_similarity(:name{i}, folded_legal_name) DESC, id
             LIMIT :limit)
            UNION
            (SELECT business_id FROM business_trade_name
             WHERE folded_name % :name{i} OR :name{i} <% folded_name
             ORDER BY word_similarity(:name{i}, folded_name) DESC, id
             LIMIT :limit)
            """;

    /**
     * Returns the candidate query for the given number of folded names, with parameters {@code fein},
     * {@code nameKeys}, {@code phones}, {@code streets}, {@code websiteKey}, {@code limit} and {@code name0},
     * {@code name1}...; public so a test can check its plan with EXPLAIN.
     */
    public static String candidateIdsSql(int nameCount) {
        StringBuilder sql = new StringBuilder(KEY_LOOKUPS);
        for (int i = 0; i < nameCount; i++) {
            sql.append(SIMILAR_NAMES.replace("{i}", Integer.toString(i)));
        }
        return sql.toString();
    }

    private final JdbcClient jdbc;
    private final BusinessCandidates candidates;
    private final MatchNameWords nameWords;

    CandidateSearch(JdbcClient jdbc, BusinessCandidates candidates, MatchNameWords nameWords) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.nameWords = nameWords;
    }

    /**
     * Returns the candidates for a record, best first, leaving out {@code excludedId} (the business itself when
     * looking for its duplicates) and candidates that score 0.
     *
     * @param lock whether to lock the candidates' rows until the transaction ends, as registration does
     * @param similarNames whether to look for similar names through the trigram indexes too. Without it only the
     *                     exact blocking keys are used. That is several times faster, and it is enough for automatic
     *                     joining during imports, because joining needs the same name or FEIN
     */
    List<Scored> rank(MatchProfile profile, Long excludedId, boolean lock, boolean similarNames) {
        List<Long> ids = candidateIds(profile, similarNames);
        if (excludedId != null) {
            ids.remove(excludedId);
        }
        List<Candidate> found = candidates.load(ids, lock);

        List<String> names = new ArrayList<>();
        profile.names().forEach(name -> names.add(name.text()));
        found.forEach(candidate -> {
            names.add(candidate.legalName());
            names.addAll(candidate.tradeNames());
        });
        MatchScorer scorer = new MatchScorer(nameWords.weightsFor(names));

        List<Scored> scored = new ArrayList<>();
        for (Candidate candidate : found) {
            MatchResult result = scorer.score(profile, candidate.matchProfile());
            if (result.score() > 0) {
                scored.add(new Scored(candidate, result));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored item) -> -item.result().score())
                .thenComparingLong(item -> item.candidate().businessId()));
        return scored;
    }

    private List<Long> candidateIds(MatchProfile profile, boolean similarNames) {
        Set<String> nameKeys = new LinkedHashSet<>();
        Set<String> foldedNames = new LinkedHashSet<>();
        for (MatchProfile.Name name : profile.names()) {
            nameKeys.add(name.key().matchKey());
            String folded = TextFolding.fold(name.text());
            if (!folded.isEmpty()) {
                foldedNames.add(folded);
            }
        }
        List<String> streets = profile.places().stream()
                .map(place -> place.key().street())
                .filter(street -> street != null)
                .distinct()
                .toList();
        List<String> names = similarNames ? new ArrayList<>(foldedNames) : List.of();
        // A generic plan cannot see the names, so it estimates every trigram match at 2% of the table and reads the
        // table sequentially. Custom plans keep the trigram index scans. SET LOCAL lasts until the transaction ends.
        if (!names.isEmpty()) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
        var statement = jdbc.sql(candidateIdsSql(names.size()))
                .param("fein", profile.fein())
                .param("nameKeys", nameKeys.toArray(String[]::new))
                .param("phones", profile.phones().toArray(String[]::new))
                .param("streets", streets.toArray(String[]::new))
                .param("websiteKey", profile.websiteKey())
                .param("limit", SIMILAR_NAMES_PER_NAME);
        for (int i = 0; i < names.size(); i++) {
            statement = statement.param("name" + i, names.get(i));
        }
        return new ArrayList<>(statement
                .query(Long.class)
                .list());
    }
}
