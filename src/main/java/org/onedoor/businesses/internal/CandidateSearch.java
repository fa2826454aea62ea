package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.internal.BusinessCandidates.Candidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the businesses a record could be a duplicate of and ranks them by {@link MatchScorer}. Candidates come
 * only through indexes: exact blocking keys (FEIN, name key without spaces, phone in E.164, website key, address
 * key with house number) and, for similar names, the rare words of the record's names. Each rare word, or a stored
 * word spelled like it (a typo), leads to at most {@link #SIMILAR_NAMES_PER_WORD} businesses whose names contain it,
 * so the search reads a bounded number of rows however large the tables grow.
 */
@Component
public class CandidateSearch {

    /** Businesses read per rare name word (and per trade name table), through the name word indexes. */
    public static final int SIMILAR_NAMES_PER_WORD = 25;

    /** How many of the rarest words of the record's names are looked up. */
    static final int RARE_WORDS = 4;

    /** Stored words read per word of the record, most alike first: the word itself and its likely misspellings. */
    static final int SPELLINGS_PER_WORD = 3;

    // A word in more names than this is too frequent to find a business by, even when it is not "common" yet.
    private static final int MAX_NAMES_PER_WORD = 5_000;

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
            SELECT business_id FROM establishment WHERE street_place_key(address_key) = ANY (CAST(:places AS text[]))
            UNION
            SELECT id FROM business WHERE website_key = :websiteKey
            """;

    // Names that contain a rare word, through the GIN indexes on the names' word arrays (V19). Each word is its own
    // parameter, so the planner sees the value and its frequency and keeps the index scan under the LIMIT.
    private static final String NAMES_WITH_WORDS = """
            UNION
            (SELECT id FROM business
             WHERE regexp_split_to_array(folded_legal_name, ' ') @> CAST(:words{i} AS text[])
             LIMIT :limit)
            UNION
            (SELECT business_id FROM business_trade_name
             WHERE regexp_split_to_array(folded_name, ' ') @> CAST(:words{i} AS text[])
             LIMIT :limit)
            """;

    // Stored name words spelled like each word of the record (trigram similarity on the small word table), with
    // the number of names that contain them.
    // A generic plan of the candidate query cannot see the words, so it guesses their frequency and may read the
    // table in order until the LIMIT is reached. Custom plans keep the index scans, so this statement also sets
    // plan_cache_mode until the transaction ends (as SET LOCAL does), which saves a round trip.
    private static final String SPELLINGS = """
            SELECT w.word, w.name_count
            FROM (SELECT set_config('plan_cache_mode', 'force_custom_plan', true)) AS setting,
                 unnest(CAST(:words AS text[])) AS q(word)
            CROSS JOIN LATERAL (SELECT word, name_count FROM business_name_word
                                WHERE word % q.word
                                ORDER BY similarity(word, q.word) DESC, word
                                LIMIT :spellings) w
            """;

    /**
     * Returns the candidate query for the given number of word sets, with parameters {@code fein},
     * {@code nameKeys}, {@code phones}, {@code streets}, {@code places}, {@code websiteKey}, {@code limit} and {@code words0},
     * {@code words1}... (each a text array of folded words that a name must all contain); public so a test can
     * check its plan with EXPLAIN.
     */
    public static String candidateIdsSql(int wordSetCount) {
        StringBuilder sql = new StringBuilder(KEY_LOOKUPS);
        for (int i = 0; i < wordSetCount; i++) {
            sql.append(NAMES_WITH_WORDS.replace("{i}", Integer.toString(i)));
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
     * looking for its duplicates) and candidates that score 0. It takes three statements: the spellings of the
     * record's words, the candidates found through the exact keys and rare words with their establishments, and the
     * counts of their name words.
     */
    List<Scored> rank(MatchProfile profile, Long excludedId) {
        Map<String, Object> params = candidateParams(profile);
        params.put("excludedId", excludedId == null ? 0L : excludedId);
        List<Candidate> found = candidates.loadFound("SELECT id FROM (" + candidateIdsSql(wordSetCount(params))
                + ") AS found(id) WHERE id <> :excludedId", params);
        if (found.isEmpty()) {
            return List.of();
        }
        return score(profile, found, nameWords.weightsFor(namesOf(profile, found)));
    }

    /** Returns the names whose words weigh in scoring the record against the candidates. */
    static List<String> namesOf(MatchProfile profile, List<Candidate> found) {
        List<String> names = new ArrayList<>();
        profile.names().forEach(name -> names.add(name.text()));
        found.forEach(candidate -> {
            names.add(candidate.legalName());
            names.addAll(candidate.tradeNames());
        });
        return names;
    }

    /** Scores the record against each candidate and returns those above 0, best first, then by id. */
    static List<Scored> score(MatchProfile profile, List<Candidate> found, MatchNameWeights weights) {
        MatchScorer scorer = new MatchScorer(weights);
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

    /** Returns the parameters of {@link #candidateIdsSql} for the record, looking up its rare words. */
    private Map<String, Object> candidateParams(MatchProfile profile) {
        Set<String> nameKeys = new LinkedHashSet<>();
        for (MatchProfile.Name name : profile.names()) {
            nameKeys.add(name.key().matchKey());
        }
        List<String> streets = profile.places().stream()
                .map(place -> place.key().street())
                .filter(street -> street != null)
                .distinct()
                .toList();
        List<String> places = profile.places().stream()
                .map(place -> place.key().placeKey())
                .filter(place -> place != null)
                .distinct()
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("fein", profile.fein());
        params.put("nameKeys", nameKeys.toArray(String[]::new));
        params.put("phones", profile.phones().toArray(String[]::new));
        params.put("streets", streets.toArray(String[]::new));
        params.put("places", places.toArray(String[]::new));
        params.put("websiteKey", profile.websiteKey());
        params.put("limit", SIMILAR_NAMES_PER_WORD);
        List<List<String>> wordSets = rareWordSets(profile);
        for (int i = 0; i < wordSets.size(); i++) {
            params.put("words" + i, wordSets.get(i).toArray(String[]::new));
        }
        return params;
    }

    private static int wordSetCount(Map<String, Object> params) {
        int count = 0;
        while (params.containsKey("words" + count)) {
            count++;
        }
        return count;
    }

    /**
     * Chooses the word sets to look names up by: each of the {@link #RARE_WORDS} rarest stored words spelled like a
     * word of the record's names, and the two rarest words of the record together, which finds a name with two
     * fairly frequent words that each alone would not. Common words and legal forms are never used: sharing them is
     * no evidence.
     */
    private List<List<String>> rareWordSets(MatchProfile profile) {
        Set<String> recordWords = new LinkedHashSet<>();
        for (MatchProfile.Name name : profile.names()) {
            for (String word : TextFolding.fold(name.text()).split(" ")) {
                if (word.length() > 1 && !NameKey.isLegalForm(word)) {
                    recordWords.add(word);
                }
            }
        }
        if (recordWords.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql(SPELLINGS)
                .param("words", recordWords.toArray(String[]::new))
                .param("spellings", SPELLINGS_PER_WORD)
                .query((rs, row) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();

        MatchNameWeights weights = new MatchNameWeights(counts, nameWords.businessCount());
        Comparator<String> rarestFirst = Comparator.comparingInt((String word) -> counts.getOrDefault(word, 0))
                .thenComparing(Comparator.naturalOrder());
        List<String> found = counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0 && entry.getValue() <= MAX_NAMES_PER_WORD)
                .map(Map.Entry::getKey)
                .filter(word -> !weights.isCommon(word) && !NameKey.isLegalForm(word))
                .sorted(rarestFirst)
                .limit(RARE_WORDS)
                .toList();

        List<List<String>> sets = new ArrayList<>();
        found.forEach(word -> sets.add(List.of(word)));
        List<String> pair = recordWords.stream()
                .filter(word -> counts.getOrDefault(word, 0) > 0 && !weights.isCommon(word))
                .sorted(rarestFirst)
                .limit(2)
                .toList();
        if (pair.size() == 2) {
            sets.add(pair);
        }
        return sets;
    }
}
