package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.onedoor.businesses.internal.MatchEvidence.Kind;
import org.onedoor.businesses.internal.MatchProfile.Name;
import org.onedoor.businesses.internal.MatchProfile.Place;

/**
 * Scores how likely two business records are the same business. Each fact that agrees or disagrees adds its
 * log-odds to a prior, and the sum goes through the logistic function, so the score is in [0, 1]:
 * <ul>
 * <li>the same FEIN sets the score to at least {@link #SAME_FEIN_SCORE}, and two different FEINs set it to 0
 * whatever else agrees;</li>
 * <li>names agree exactly after folding and removing trailing legal forms and spaces, or partly, weighted by how
 * rare the shared words are, so one shared ordinary word ("staffing") is no evidence;</li>
 * <li>the street address agrees when house number and street agree (house numbers compare exactly, never
 * fuzzily), and disagrees for another unit in the same building;</li>
 * <li>phones in E.164, website keys, NAICS sectors (weak), personal email addresses and contact names. Role
 * mailboxes (info@, hr@...) and generic contact names ("HR Department") never count.</li>
 * </ul>
 */
public final class MatchScorer {

    public static final double SAME_FEIN_SCORE = 0.99;

    private static final double PRIOR = -4.5;
    private static final double EXACT_NAME = 5.0;
    private static final double CONTAINED_NAME = 4.0;
    // Largest share of the longer name's word weight that may lie outside the shorter name for CONTAINED_NAME.
    private static final double MAX_EXTRA_WORDS_SHARE = 0.35;
    private static final double SIMILAR_NAME_SLOPE = 8.0;
    private static final double COMMON_WORDS_ONLY_SIMILARITY = 0.3;
    // Smallest name similarity for a join at the same place in two cases: one name contains every rare word of the
    // other but the phones differ, or each name has rare words of its own and the phone is the same.
    static final double MIN_SAME_PLACE_SIMILARITY = 0.3;
    // Smallest similarity at which names that each have rare words of their own join at the same place without the
    // same phone (docs/matching.md, "Thresholds").
    static final double MIN_SAME_PLACE_SIMILAR_NAMES = 0.6;
    // Shortest last word that counts as cut from a longer word of the other name.
    private static final int MIN_CUT_WORD_LENGTH = 3;
    // Shortest word that a plural "s" may follow.
    private static final int MIN_PLURAL_STEM_LENGTH = 3;
    // Name evidence that exists only when the names share a rare word.
    private static final Set<Kind> RARE_WORD_KINDS = Set.of(Kind.CONTAINED_NAME, Kind.NAME_AFTER_PREFIX,
            Kind.EXTENDED_NAME, Kind.RARE_WORDS_SHARED, Kind.SIMILAR_NAME);
    private static final double SAME_ADDRESS = 5.0;
    private static final double SAME_STREET_NUMBER = 3.5;
    private static final double DIFFERENT_UNIT = -3.0;
    private static final double DIFFERENT_ADDRESS = -1.5;
    private static final double SAME_ZIP = 0.3;
    private static final double SAME_PHONE = 4.5;
    private static final double DIFFERENT_PHONE = -1.0;
    private static final double SAME_WEBSITE = 4.0;
    private static final double DIFFERENT_WEBSITE = -0.5;
    private static final double SAME_SECTOR = 0.5;
    private static final double OTHER_SECTOR = -0.5;
    private static final double SAME_EMAIL = 3.0;
    private static final double SAME_CONTACT = 1.5;

    private final MatchNameWeights weights;

    public MatchScorer(MatchNameWeights weights) {
        this.weights = weights;
    }

    /**
     * Tells whether a result is plainly the same business, so a record may join it without a person deciding. One of
     * these must hold:
     * <ul>
     * <li>the score reaches the threshold, and the FEIN or a name (legal or trade, after normalization) is the same,
     * or one name is part of the other with only common words left over;</li>
     * <li>both are at the same place, their names share a rare word, and the names are alike enough. The same place
     * is the same house number on the same or a related street name, and not in different units. When every rare
     * word of one name is in the other, any likeness is enough with the same phone, and
     * {@value #MIN_SAME_PLACE_SIMILARITY} without. This joins a site listed under its operator's name ("CHICAGO PUBLIC
     * SCHOOLS HAY COMM. ACADEMY" and "Hay"), or under a longer or shorter name ("YMCA Garfield" and "YMCA Garfield
     * I/T"). When each name has rare words of its own, they must be {@value #MIN_SAME_PLACE_SIMILARITY} similar with
     * the same phone, and {@value #MIN_SAME_PLACE_SIMILAR_NAMES} without.</li>
     * </ul>
     * Address and phone with unrelated names are never enough, nor names that share only common words ("Central
     * Valley Staffing" and "Central Coast Staffing"). Names that each have rare words of their own are often two
     * businesses of one owner or in one shopping centre ("Otter Creek Beauty Salon" and "Otter Creek Mini Storage"
     * are 49% similar), hence the higher bar.
     */
    public static boolean isPlainlySame(MatchResult result, double threshold) {
        boolean sameFein = result.evidence().stream()
                .anyMatch(item -> item.kind() == Kind.FEIN && item.logOdds() >= 0);
        boolean sameName = result.has(Kind.LEGAL_NAME) || result.has(Kind.TRADE_NAME) || result.has(Kind.CONTAINED_NAME);
        return (result.score() >= threshold && (sameFein || sameName)) || isSamePlaceAndName(result);
    }

    /** Tells whether a name comparison found a rare word in both names. */
    static boolean sharesRareWord(MatchEvidence evidence) {
        return RARE_WORD_KINDS.contains(evidence.kind());
    }

    // NOTE: two businesses of one owner at one street address without unit numbers join when their names are alike
    // enough ("Zero to Ten Publishing" and "Zero to Ten Properties"); OneDoor cannot split a business in two.
    private static boolean isSamePlaceAndName(MatchResult result) {
        boolean samePlace = result.has(Kind.ADDRESS) || result.has(Kind.SAME_STREET_NUMBER);
        if (!samePlace) {
            return false;
        }
        boolean samePhone = result.has(Kind.PHONE);
        return result.evidence().stream().filter(MatchScorer::sharesRareWord).anyMatch(item -> {
            boolean ownRareWords = item.kind() == Kind.SIMILAR_NAME;
            double floor = samePhone ? (ownRareWords ? MIN_SAME_PLACE_SIMILARITY : 0)
                    : (ownRareWords ? MIN_SAME_PLACE_SIMILAR_NAMES : MIN_SAME_PLACE_SIMILARITY);
            return item.logOdds() >= logOdds(floor);
        });
    }

    public MatchResult score(MatchProfile incoming, MatchProfile known) {
        if (incoming.fein() != null && known.fein() != null && !incoming.fein().equals(known.fein())) {
            return new MatchResult(0, List.of(new MatchEvidence(Kind.FEIN, Double.NEGATIVE_INFINITY,
                    "Different FEINs " + incoming.fein() + " and " + known.fein() + ": different businesses")));
        }

        List<MatchEvidence> evidence = new ArrayList<>();
        addIfPresent(evidence, compareNames(incoming.names(), known.names()));
        addIfPresent(evidence, comparePlaces(incoming.places(), known.places()));
        addIfPresent(evidence, comparePhones(incoming.phones(), known.phones()));
        addIfPresent(evidence, compareWebsites(incoming.websiteKey(), known.websiteKey()));
        addIfPresent(evidence, compareSectors(incoming.naicsCode(), known.naicsCode()));
        evidence.addAll(compareEmails(incoming.emails(), known.emails()));
        evidence.addAll(compareContacts(incoming.contactNames(), known.contactNames()));

        double logOdds = PRIOR + evidence.stream().mapToDouble(MatchEvidence::logOdds).sum();
        double score = 1 / (1 + Math.exp(-logOdds));
        if (incoming.fein() != null && incoming.fein().equals(known.fein())) {
            evidence.add(new MatchEvidence(Kind.FEIN, 0, "Same FEIN " + incoming.fein()));
            score = Math.max(score, SAME_FEIN_SCORE);
        }
        evidence.sort(Comparator.comparingDouble((MatchEvidence item) -> item.kind() == Kind.FEIN ? 0 : 1)
                .thenComparingDouble(item -> -Math.abs(item.logOdds())));
        return new MatchResult(score, evidence);
    }

    // --- names

    private MatchEvidence compareNames(List<Name> incoming, List<Name> known) {
        MatchEvidence best = null;
        for (Name ours : incoming) {
            for (Name theirs : known) {
                MatchEvidence evidence = compareName(ours, theirs);
                if (evidence != null && (best == null || evidence.logOdds() > best.logOdds())) {
                    best = evidence;
                }
            }
        }
        return best;
    }

    private MatchEvidence compareName(Name ours, Name theirs) {
        if (ours.key().isEmpty() || theirs.key().isEmpty()) {
            return null;
        }
        if (ours.key().matchKey().equals(theirs.key().matchKey())) {
            return sameName(theirs, exactNameReason(ours, theirs));
        }

        List<String> ourWords = words(ours.key());
        List<String> theirWords = words(theirs.key());
        ourWords = joinSplitWords(ourWords, theirWords);
        theirWords = joinSplitWords(theirWords, ourWords);
        ourWords = completeCutLastWord(ourWords, theirWords);
        theirWords = completeCutLastWord(theirWords, ourWords);
        List<String> ourWordsAsWritten = ourWords;
        ourWords = singularOrPluralAsOther(ourWords, theirWords);
        if (!ourWords.equals(ourWordsAsWritten) && ourWords.equals(theirWords)) {
            return sameName(theirs, (theirs.legal() ? "Name" : "Trade name") + " matches when singular and plural "
                    + "words are read alike ('" + ours.text() + "' and '" + theirs.text() + "')");
        }
        Set<String> ourSet = new LinkedHashSet<>(ourWords);
        Set<String> theirSet = new LinkedHashSet<>(theirWords);
        Set<String> shared = new LinkedHashSet<>(ourSet);
        shared.retainAll(theirSet);
        if (shared.isEmpty()) {
            return new MatchEvidence(Kind.DIFFERENT_NAME, -SIMILAR_NAME_SLOPE / 2,
                    "Names share no word ('" + ours.text() + "' and '" + theirs.text() + "')");
        }

        double sharedWeight = sum(shared);
        double ourWeight = sum(ourSet);
        double theirWeight = sum(theirSet);
        double jaccard = sharedWeight / (ourWeight + theirWeight - sharedWeight);
        double containment = sharedWeight / Math.min(ourWeight, theirWeight);
        double similarity = (jaccard + containment) / 2;

        String sharedText = shared.stream().map(word -> "'" + word + "'").collect(Collectors.joining(", "));
        boolean ourContained = shared.size() == ourSet.size();
        boolean theirContained = shared.size() == theirSet.size();
        // A shared number ("#035", "80") is a store or unit number, which unrelated businesses share too.
        boolean sharesRareWord = shared.stream().anyMatch(word -> !weights.isCommon(word) && hasLetter(word));
        if ((ourContained || theirContained) && sharesRareWord) {
            Name shorter = ourContained ? ours : theirs;
            Name longer = ourContained ? theirs : ours;
            List<String> longerWords = ourContained ? theirWords : ourWords;
            int shorterLength = (ourContained ? ourWords : theirWords).size();
            Set<String> longerSet = ourContained ? theirSet : ourSet;
            // "Frank's Place Ragamuffin" may be a second business named after "Frank's Place", in the same place.
            boolean wordsAfter = startsWithAll(longerWords, shared, shorterLength);
            if (wordsAfter && !ownWordsCommon(longerSet, shared)) {
                return new MatchEvidence(Kind.EXTENDED_NAME, logOdds(similarity), String.format(Locale.ROOT,
                        "Name '%s' is '%s' with rare words after it, which may name another business (names %d%% "
                                + "similar)", longer.text(), shorter.text(), Math.round(similarity * 100)));
            }
            double longerWeight = ourContained ? theirWeight : ourWeight;
            double extraShare = (longerWeight - sharedWeight) / longerWeight;
            if (extraShare <= MAX_EXTRA_WORDS_SHARE) {
                return new MatchEvidence(Kind.CONTAINED_NAME, CONTAINED_NAME, "Name '" + shorter.text()
                        + "' is part of '" + longer.text() + "' and the other words are common");
            }
            if (sharedRunAfterOtherWords(longerWords, shared)) {
                return new MatchEvidence(Kind.NAME_AFTER_PREFIX, logOdds(similarity), String.format(Locale.ROOT,
                        "Name '%s' appears in '%s' after other words, as a site's name after its organization's "
                                + "(names %d%% similar)", shorter.text(), longer.text(), Math.round(similarity * 100)));
            }
        }
        if (!sharesRareWord) {
            similarity = Math.min(similarity, COMMON_WORDS_ONLY_SIMILARITY);
            String words = shared.size() == 1 ? "word " + sharedText + " agrees" : "words " + sharedText + " agree";
            String wordKind = shared.stream().allMatch(weights::isCommon) ? "common " : "common or numeric ";
            return new MatchEvidence(Kind.COMMON_WORDS_ONLY, logOdds(similarity), "Only the " + wordKind + words);
        }
        boolean oursInTheirs = ownWordsCommon(ourSet, shared) && sharedRunAfterOtherWords(theirWords, shared);
        boolean theirsInOurs = ownWordsCommon(theirSet, shared) && sharedRunAfterOtherWords(ourWords, shared);
        if (oursInTheirs || theirsInOurs) {
            Name fewer = oursInTheirs ? ours : theirs;
            Name other = oursInTheirs ? theirs : ours;
            return new MatchEvidence(Kind.RARE_WORDS_SHARED, logOdds(similarity), String.format(Locale.ROOT,
                    "Names are %d%% similar and every rare word of '%s' is in '%s': they share %s",
                    Math.round(similarity * 100), fewer.text(), other.text(), sharedText));
        }
        return new MatchEvidence(Kind.SIMILAR_NAME, logOdds(similarity), String.format(Locale.ROOT,
                "Names are %d%% similar: '%s' and '%s' share %s", Math.round(similarity * 100), ours.text(),
                theirs.text(), sharedText));
    }

    /** Returns the evidence that a name is the known business's legal name or one of its trade names. */
    private static MatchEvidence sameName(Name theirs, String reason) {
        return new MatchEvidence(theirs.legal() ? Kind.LEGAL_NAME : Kind.TRADE_NAME, EXACT_NAME, reason);
    }

    private static boolean hasLetter(String word) {
        return word.chars().anyMatch(Character::isLetter);
    }

    /** Tells whether every word of {@code words} that is not in {@code shared} is common. */
    private boolean ownWordsCommon(Set<String> words, Set<String> shared) {
        return words.stream().filter(word -> !shared.contains(word)).allMatch(weights::isCommon);
    }

    /**
     * Tells whether the words of {@code words} that are in {@code shared} form one run that other words come before,
     * as an organization's name before a site's ("Chicago Public Schools Hay Comm. Academy"). A name that starts with
     * the shared words, or has other words between them, may name another business ("Sunrise Bakery Cafe" next to
     * "Sunrise Cafe").
     */
    private static boolean sharedRunAfterOtherWords(List<String> words, Set<String> shared) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < words.size(); i++) {
            if (shared.contains(words.get(i))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first <= 0) {
            return false;
        }
        for (int i = first; i <= last; i++) {
            if (!shared.contains(words.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Tells whether the first {@code count} words of {@code words} are exactly the words of {@code set}. */
    private static boolean startsWithAll(List<String> words, Set<String> set, int count) {
        return count <= words.size() && new HashSet<>(words.subList(0, count)).equals(set);
    }

    private static double logOdds(double similarity) {
        return SIMILAR_NAME_SLOPE * similarity - SIMILAR_NAME_SLOPE / 2;
    }

    private static String exactNameReason(Name ours, Name theirs) {
        String which = theirs.legal() ? "Name" : "Trade name";
        List<String> removed = new ArrayList<>(removedLegalForms(ours));
        for (String form : removedLegalForms(theirs)) {
            if (!removed.contains(form)) {
                removed.add(form);
            }
        }
        if (!removed.isEmpty()) {
            return which + " matches after removing " + removed.stream().map(form -> "'" + form + "'")
                    .collect(Collectors.joining(" and ")) + " ('" + ours.text() + "' and '" + theirs.text() + "')";
        }
        if (!ours.key().words().equals(theirs.key().words())) {
            return which + " matches when spaces and punctuation are ignored ('" + ours.text() + "' and '"
                    + theirs.text() + "')";
        }
        return which + " matches ('" + theirs.text() + "')";
    }

    /** Returns the trailing legal forms that the name key left out, as written in the name ("Inc", "L.L.C."). */
    private static List<String> removedLegalForms(Name name) {
        String folded = TextFolding.fold(name.text());
        String key = name.key().words();
        if (folded.equals(key) || folded.isEmpty()) {
            return List.of();
        }
        List<String> original = Arrays.asList(name.text().strip().split("[\\s,]+"));
        List<String> removed = new ArrayList<>();
        for (int i = original.size() - 1; i >= 0 && removed.size() < 3; i--) {
            String word = original.get(i);
            String foldedWord = TextFolding.fold(word).replace(" ", "");
            if (foldedWord.isEmpty() || foldedWord.equals("and")) {
                continue;
            }
            if (key.endsWith(foldedWord) || key.replace(" ", "").endsWith(foldedWord)) {
                break;
            }
            removed.add(0, word);
        }
        return removed;
    }

    private static List<String> words(NameKey key) {
        List<String> words = new ArrayList<>(Arrays.asList(key.words().split(" ")));
        words.removeIf(word -> word.isEmpty() || word.equals("and"));
        return words;
    }

    /**
     * Completes the last word when a list cut the name short and the other name has the whole word: "SWEET FROG
     * PREMIUM FROZEN YOGU" for "Sweet Frog Premium Frozen Yogurt". The cut word must have at least three letters.
     */
    private static List<String> completeCutLastWord(List<String> words, List<String> other) {
        if (words.isEmpty()) {
            return words;
        }
        String last = words.get(words.size() - 1);
        if (last.length() < MIN_CUT_WORD_LENGTH || other.contains(last)) {
            return words;
        }
        for (String word : other) {
            if (word.length() > last.length() && word.startsWith(last) && !words.contains(word)) {
                List<String> completed = new ArrayList<>(words);
                completed.set(completed.size() - 1, word);
                return completed;
            }
        }
        return words;
    }

    /**
     * Writes a word as the other name does when one is the other with a plural "s": "Tiny Tot Villa" and "Tiny Tots
     * Villa", "Brite New Minds" and "Brite New Mind". Both forms must have at least three letters and no digits. A
     * word ending in "ss" ("Bass") is not a plural, whichever name has it.
     */
    private static List<String> singularOrPluralAsOther(List<String> words, List<String> other) {
        List<String> result = new ArrayList<>(words);
        for (int i = 0; i < result.size(); i++) {
            String word = result.get(i);
            if (word.length() < MIN_PLURAL_STEM_LENGTH || other.contains(word)
                    || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            if (!word.endsWith("s")) {
                String plural = word + "s";
                if (other.contains(plural) && !words.contains(plural)) {
                    result.set(i, plural);
                }
            } else if (!word.endsWith("ss") && word.length() > MIN_PLURAL_STEM_LENGTH) {
                String singular = word.substring(0, word.length() - 1);
                if (other.contains(singular) && !words.contains(singular)) {
                    result.set(i, singular);
                }
            }
        }
        return result;
    }

    /** Joins two neighbouring words when the other name has them as one word ("green leaf" for "greenleaf"). */
    private static List<String> joinSplitWords(List<String> words, List<String> other) {
        Set<String> otherSet = new HashSet<>(other);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (i + 1 < words.size() && !otherSet.contains(words.get(i))
                    && otherSet.contains(words.get(i) + words.get(i + 1))) {
                joined.add(words.get(i) + words.get(i + 1));
                i++;
            } else {
                joined.add(words.get(i));
            }
        }
        return joined;
    }

    private double sum(Set<String> words) {
        return words.stream().mapToDouble(weights::weight).sum();
    }

    // --- addresses

    private static MatchEvidence comparePlaces(List<Place> incoming, List<Place> known) {
        MatchEvidence best = null;
        boolean sameZip = false;
        boolean bothHaveStreets = false;
        for (Place ours : incoming) {
            for (Place theirs : known) {
                AddressKey a = ours.key();
                AddressKey b = theirs.key();
                sameZip |= a.zip5() != null && a.zip5().equals(b.zip5());
                // House number 0 ("0 OUTSIDE CITY LIMITS") is a list's placeholder, not a place.
                if (a.street() == null || b.street() == null || a.hasZeroHouseNumber() || b.hasZeroHouseNumber()) {
                    continue;
                }
                bothHaveStreets = true;
                MatchEvidence evidence = compareStreets(ours, theirs);
                if (evidence != null && (best == null || evidence.logOdds() > best.logOdds())) {
                    best = evidence;
                }
            }
        }
        if (best != null) {
            return best;
        }
        if (bothHaveStreets) {
            return new MatchEvidence(Kind.DIFFERENT_ADDRESS, DIFFERENT_ADDRESS,
                    "Different street addresses (" + incoming.get(0).text() + " and " + known.get(0).text() + ")");
        }
        return sameZip ? new MatchEvidence(Kind.ZIP, SAME_ZIP, "Same ZIP code") : null;
    }

    private static MatchEvidence compareStreets(Place ours, Place theirs) {
        AddressKey a = ours.key();
        AddressKey b = theirs.key();
        boolean differentUnits = a.unit() != null && b.unit() != null && !a.unit().equals(b.unit());
        if (a.street().equals(b.street())) {
            return differentUnits ? differentUnits(ours, theirs)
                    : new MatchEvidence(Kind.ADDRESS, SAME_ADDRESS, "Same street address " + theirs.text());
        }
        if (!a.isSameStreetAs(b)) {
            return null;
        }
        return differentUnits ? differentUnits(ours, theirs)
                : new MatchEvidence(Kind.SAME_STREET_NUMBER, SAME_STREET_NUMBER, "Same house number and street name ("
                        + ours.text() + " and " + theirs.text() + ")");
    }

    private static MatchEvidence differentUnits(Place ours, Place theirs) {
        return new MatchEvidence(Kind.DIFFERENT_UNIT, DIFFERENT_UNIT, "Same building but different units ("
                + ours.text() + " and " + theirs.text() + ")");
    }

    // --- phones, websites, sectors, emails, contacts

    private static MatchEvidence comparePhones(Set<String> incoming, Set<String> known) {
        if (incoming.isEmpty() || known.isEmpty()) {
            return null;
        }
        for (String phone : incoming) {
            if (known.contains(phone)) {
                return new MatchEvidence(Kind.PHONE, SAME_PHONE, "Same phone " + phone);
            }
        }
        return new MatchEvidence(Kind.DIFFERENT_PHONE, DIFFERENT_PHONE, "Different phones");
    }

    private static MatchEvidence compareWebsites(String incoming, String known) {
        if (incoming == null || known == null) {
            return null;
        }
        if (incoming.equals(known)) {
            return new MatchEvidence(Kind.WEBSITE, SAME_WEBSITE, "Same website " + known);
        }
        return new MatchEvidence(Kind.DIFFERENT_WEBSITE, DIFFERENT_WEBSITE,
                "Different websites " + incoming + " and " + known);
    }

    private static MatchEvidence compareSectors(String incoming, String known) {
        String ours = MatchKeys.naicsSector(incoming);
        String theirs = MatchKeys.naicsSector(known);
        if (ours == null || theirs == null) {
            return null;
        }
        if (ours.equals(theirs)) {
            return new MatchEvidence(Kind.NAICS_SECTOR, SAME_SECTOR, "Same NAICS sector " + ours);
        }
        return new MatchEvidence(Kind.NAICS_SECTOR, OTHER_SECTOR, "Different NAICS sectors " + ours + " and " + theirs);
    }

    private static List<MatchEvidence> compareEmails(Set<String> incoming, Set<String> known) {
        List<MatchEvidence> evidence = new ArrayList<>();
        for (String email : incoming) {
            String lower = email.strip().toLowerCase(Locale.ROOT);
            if (known.stream().noneMatch(other -> other.strip().equalsIgnoreCase(lower))) {
                continue;
            }
            if (MatchKeys.isRoleMailbox(lower)) {
                evidence.add(new MatchEvidence(Kind.EMAIL, 0,
                        "Shared role mailbox " + lower + " does not count: many businesses use such addresses"));
            } else {
                evidence.add(new MatchEvidence(Kind.EMAIL, SAME_EMAIL, "Same email " + lower));
                break;
            }
        }
        return evidence;
    }

    private static List<MatchEvidence> compareContacts(Set<String> incoming, Set<String> known) {
        List<MatchEvidence> evidence = new ArrayList<>();
        for (String contact : incoming) {
            String folded = TextFolding.fold(contact);
            if (folded.isEmpty() || known.stream().noneMatch(other -> TextFolding.fold(other).equals(folded))) {
                continue;
            }
            if (MatchKeys.isGenericContact(contact)) {
                evidence.add(new MatchEvidence(Kind.CONTACT, 0,
                        "Shared contact '" + contact.strip() + "' does not count: it names a role, not a person"));
            } else {
                evidence.add(new MatchEvidence(Kind.CONTACT, SAME_CONTACT, "Same contact person " + contact.strip()));
                break;
            }
        }
        return evidence;
    }

    private static void addIfPresent(List<MatchEvidence> evidence, MatchEvidence item) {
        if (item != null) {
            evidence.add(item);
        }
    }
}
