package org.onedoor.publicdirectory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-language labels for the eight federal employer service categories, so business owners can filter without
 * knowing the federal names. The codes are those of the {@code employer_service_category} table.
 */
public final class PlainCategories {

    /** A category code with its label for the public pages. */
    public record Category(String code, String label) {
    }

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("workforce-recruitment", "Finding and hiring workers");
        LABELS.put("untapped-labor-pools", "Hiring veterans, people with disabilities, young or older workers");
        LABELS.put("training", "Training new hires");
        LABELS.put("incumbent-worker-training", "Training the workers you have");
        LABELS.put("employer-information", "Information and advice, such as wages, tax credits and labor law");
        LABELS.put("strategic-planning", "Planning for growth with other employers and economic development");
        LABELS.put("planning-layoff-response", "Avoiding layoffs or planning for one");
        LABELS.put("rapid-response", "Help for your workers during a layoff or closure");
    }

    private PlainCategories() {
    }

    /** Lists every category in the order the filter shows them. */
    public static List<Category> all() {
        return LABELS.entrySet().stream().map(entry -> new Category(entry.getKey(), entry.getValue())).toList();
    }

    /** Returns the plain label of a code, or the code itself for a category added after this list. */
    public static String label(String code) {
        return LABELS.getOrDefault(code, code);
    }

    public static boolean exists(String code) {
        return LABELS.containsKey(code);
    }
}
