package org.onedoor.businesses.internal;

import java.util.Map;
import java.util.Set;

/**
 * The weight of each word of a business name by its rarity (inverse document frequency): a word that few business
 * names contain ("ragamuffin") is strong evidence when two names share it, and one that many contain ("staffing")
 * is weak. Words that are common in business names everywhere are capped at {@link #COMMON_WORD_WEIGHT} even when
 * the database is still too small to show it.
 */
public final class MatchNameWeights {

    /** Weight at or below which a word counts as common. */
    public static final double COMMON_WORD_WEIGHT = 1.5;

    // The smallest number of names the weights assume, so the first few hundred businesses do not make every word
    // look rare or common by chance.
    private static final long MIN_NAME_COUNT = 1_000;

    // Words found in the names of many unrelated businesses, by industry and by place.
    private static final Set<String> COMMON_WORDS = Set.of(
            "and", "of", "the", "a", "at", "for", "in", "on", "by",
            "american", "national", "international", "global", "united", "general", "first", "new", "best",
            "choice", "quality", "premier", "professional", "superior", "total", "all", "star", "elite", "pro",
            "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "valley",
            "coast", "county", "city", "metro", "regional", "community", "family", "home", "care", "health",
            "healthcare", "medical", "dental", "services", "service", "solutions", "group", "associates",
            "enterprises", "enterprise", "holdings", "partners", "systems", "management", "consulting",
            "staffing", "auto", "automotive", "repair", "construction", "restaurant", "cafe", "bar", "grill",
            "pizza", "market", "store", "shop", "center", "centre", "company", "industries", "supply", "sales",
            "transport", "transportation", "trucking", "logistics", "cleaning", "landscaping", "plumbing",
            "electric", "heating", "cooling", "insurance", "realty", "real", "estate", "financial", "bank",
            "school", "academy", "learning", "child", "children", "development", "church", "foundation",
            "institute", "association", "inc", "llc", "corp", "co");

    private final Map<String, Integer> nameCounts;
    private final long totalNames;

    /**
     * @param nameCounts for each folded word, how many business names contain it
     * @param totalNames how many business names were counted
     */
    public MatchNameWeights(Map<String, Integer> nameCounts, long totalNames) {
        this.nameCounts = Map.copyOf(nameCounts);
        this.totalNames = totalNames;
    }

    public static MatchNameWeights none() {
        return new MatchNameWeights(Map.of(), 0);
    }

    public double weight(String word) {
        long total = Math.max(totalNames, MIN_NAME_COUNT);
        int count = nameCounts.getOrDefault(word, 0);
        double weight = Math.log((total + 1.0) / (count + 1.0));
        if (COMMON_WORDS.contains(word)) {
            weight = Math.min(weight, COMMON_WORD_WEIGHT);
        }
        return Math.max(weight, 0.1);
    }

    public boolean isCommon(String word) {
        return weight(word) <= COMMON_WORD_WEIGHT;
    }
}
