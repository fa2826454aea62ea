package org.onedoor.publicdirectory.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a business owner types into the words that the directory's service descriptions use. Each word of
 * the query is kept, everyday words for a need add the terms partners write (such as downsizing adding layoff),
 * and filler words that appear in most descriptions (help, need) are left out of the any-word match.
 */
final class PlainWords {

    // Everyday word (lower case) to the terms that service descriptions use for the same need.
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("downsizing", "layoff"),
            Map.entry("downsize", "layoff"),
            Map.entry("laying", "layoff"),
            Map.entry("lay", "layoff"),
            Map.entry("closing", "closure layoff"),
            Map.entry("close", "closure layoff"),
            Map.entry("shutdown", "closure layoff"),
            Map.entry("shut", "closure layoff"),
            Map.entry("vets", "veteran"),
            Map.entry("vet", "veteran"),
            Map.entry("military", "veteran"),
            Map.entry("disabled", "disability"),
            Map.entry("handicapped", "disability"),
            Map.entry("intern", "internship experience"),
            Map.entry("interns", "internship experience"),
            Map.entry("apprentice", "apprenticeship"),
            Map.entry("apprentices", "apprenticeship"),
            Map.entry("esl", "english literacy"),
            Map.entry("ged", "equivalency"),
            Map.entry("staffing", "recruit hire"),
            Map.entry("recruiting", "recruit hire"),
            Map.entry("upskill", "training current"),
            Map.entry("upskilling", "training current"),
            Map.entry("reskill", "training current"),
            Map.entry("seniors", "older"),
            Map.entry("teens", "young youth"),
            Map.entry("teenagers", "young youth"),
            Map.entry("wotc", "tax credit"),
            Map.entry("salary", "wage"),
            Map.entry("salaries", "wage"));

    // Words too common in requests and descriptions to narrow a search.
    private static final Set<String> FILLER = Set.of("help", "need", "needs", "want", "looking", "get", "find",
            "business", "company", "companies", "employer", "employers", "service", "services", "please", "can",
            "how", "my", "our", "we", "us");

    private PlainWords() {
    }

    /**
     * Returns the query for {@code websearch_to_tsquery} that matches a service containing any of the words, with
     * {@code or} between them, or {@code null} when nothing but filler remains. Quotes and minus signs are dropped,
     * because the any-word match is only a fallback for the all-words match of the query as typed.
     */
    static String anyWordQuery(String query) {
        if (query == null) {
            return null;
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : words(query)) {
            if (!FILLER.contains(word)) {
                words.add(word);
            }
            String expansion = EXPANSIONS.get(word);
            if (expansion != null) {
                words.addAll(List.of(expansion.split(" ")));
            }
        }
        return words.isEmpty() ? null : String.join(" or ", words);
    }

    private static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            // "or" would become an operator of websearch_to_tsquery, and single letters match nothing useful.
            if (word.length() > 1 && !word.equals("or")) {
                words.add(word);
            }
        }
        return words;
    }
}
