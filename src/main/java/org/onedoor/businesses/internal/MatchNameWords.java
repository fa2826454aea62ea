package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the table {@code business_name_word}: how many business names contain each word, for name weights. */
@Component
public class MatchNameWords {

    private static final long COUNT_MAX_AGE_NANOS = 10_000_000_000L;

    private final JdbcClient jdbc;
    private volatile CachedCount businessCount;

    MatchNameWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the words of parameter {@code words} (a text array, see {@link #wordsToCount}) to the counts. Words are
     * written in sorted order so two transactions that count the same words wait for each other instead of
     * deadlocking. The registry runs it as part of a larger statement.
     */
    static final String COUNT_WORDS = """
            INSERT INTO business_name_word (word, name_count)
            SELECT word, count(*) FROM unnest(CAST(:words AS text[])) AS w(word)
            GROUP BY word
            ORDER BY word
            ON CONFLICT (word) DO UPDATE SET name_count = business_name_word.name_count + excluded.name_count""";

    /** Returns the words of new legal or trade names to count; a word in two of the names is there twice. */
    static String[] wordsToCount(Collection<String> names) {
        List<String> words = new ArrayList<>();
        names.forEach(name -> words.addAll(wordsOf(name)));
        return words.toArray(String[]::new);
    }

    /** Reads the counts of the given words, and the estimated number of businesses as the total. */
    MatchNameWeights weightsFor(Collection<String> names) {
        TreeSet<String> words = new TreeSet<>();
        names.forEach(name -> words.addAll(wordsOf(name)));
        return new MatchNameWeights(countsOf(words), businessCount());
    }

    /** Reads the stored counts of the given words. A word that no name contains is left out. */
    Map<String, Integer> countsOf(Collection<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        if (!words.isEmpty()) {
            jdbc.sql("SELECT word, name_count FROM business_name_word WHERE word = ANY (CAST(:words AS text[]))")
                    .param("words", words.toArray(String[]::new))
                    .query((rs, row) -> counts.put(rs.getString(1), rs.getInt(2)))
                    .list();
        }
        return counts;
    }

    /**
     * Returns the planner's estimate of the number of businesses, read at most once every 10 seconds: it changes
     * slowly, and reading it for every record would cost a query each.
     */
    // NOTE: reltuples is refreshed by ANALYZE; MatchNameWeights assumes at least 1,000 names, so a stale estimate on
    // a small table changes little.
    long businessCount() {
        long now = System.nanoTime();
        CachedCount cached = businessCount;
        if (cached != null && now - cached.readAt() < COUNT_MAX_AGE_NANOS) {
            return cached.count();
        }
        long count = jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'business'::regclass")
                .query(Long.class)
                .single();
        businessCount = new CachedCount(count, now);
        return count;
    }

    private record CachedCount(long count, long readAt) {
    }

    public static TreeSet<String> wordsOf(String name) {
        TreeSet<String> words = new TreeSet<>();
        for (String word : NameKey.of(name).words().split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
