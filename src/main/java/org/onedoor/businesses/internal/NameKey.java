package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key that two spellings of one business name share. The name is folded (case, accents, apostrophe style,
 * {@code &} as "and", punctuation and spacing), runs of single letters are joined ({@code A.B.C.} and {@code A B C}
 * become {@code abc}), a leading "the" is dropped, and legal forms (Inc, LLC, Corp, Co, Ltd...) are dropped only
 * at the end. Inner words are never dropped, so "Enterprise Solutions Group" and "Solutions Group Co" differ.
 *
 * @param words the folded words of the key, separated by single spaces, such as {@code mr chens}
 */
record NameKey(String words) {

    // Legal forms as folded words; runs of single letters are joined first, so "L.L.C." arrives as "llc".
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc", "incorporated", "llc", "lc", "corp", "corporation", "co", "company", "ltd", "limited",
            "llp", "lp", "lllp", "pc", "pllc", "plc", "pa");

    /** Returns the key of a name; a name that folds to nothing has an empty key. */
    static NameKey of(String name) {
        List<String> words = joinSingleLetters(Arrays.asList(TextFolding.fold(name).split(" ")));
        words = new ArrayList<>(words);
        words.removeIf(String::isEmpty);

        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
            // "Johnson & Co" leaves a dangling "and" behind.
            if (words.size() > 1 && words.get(words.size() - 1).equals("and")) {
                words.remove(words.size() - 1);
            }
        }
        return new NameKey(String.join(" ", words));
    }

    /**
     * Returns the key that matching compares: the words without spaces and without the conjunction "and", so
     * "MC DONALD'S" equals "McDonald's" and "PLEXPO BEER & WINE" equals "PLEXPO BEER WINE". A key of only "and"
     * stays "and".
     */
    String matchKey() {
        String withoutAnd = Arrays.stream(words.split(" "))
                .filter(word -> !word.equals("and"))
                .collect(Collectors.joining());
        return withoutAnd.isEmpty() ? words.replace(" ", "") : withoutAnd;
    }

    /** Tells whether a folded word is a legal form such as "inc" or "llc". */
    static boolean isLegalForm(String word) {
        return LEGAL_FORMS.contains(word);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    private static List<String> joinSingleLetters(List<String> words) {
        List<String> joined = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String word : words) {
            if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
                run.append(word);
                continue;
            }
            if (!run.isEmpty()) {
                joined.add(run.toString());
                run.setLength(0);
            }
            joined.add(word);
        }
        if (!run.isEmpty()) {
            joined.add(run.toString());
        }
        return joined;
    }
}
