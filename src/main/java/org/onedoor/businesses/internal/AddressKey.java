package org.onedoor.businesses.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.onedoor.businesses.IncomingAddress;

/**
 * The key that two spellings of one street address share. The house number is kept exactly (never compared
 * fuzzily). The street is folded, with USPS Publication 28 street suffixes ("Street", "Str." to "st"), directionals
 * ("North" to "n") and ordinal words ("First" to "1st") reduced to one form. A unit ("STE A", "Suite A", "#7",
 * "Unit 7", or a bare number after the street suffix as in "1233 N EDDY ST 110") is split off into its own key. A
 * city, state and ZIP code repeated at the end of the street line ({@code 327 W Marion St, South Bend, Indiana, 46601})
 * are removed.
 *
 * @param street house number and normalized street, such as {@code 327 w marion st}, or {@code po box 12} for a
 *               post office box; {@code null} when the line has no house number, so the address cannot be matched
 * @param unit the unit identifier without its designator ({@code a} for "STE A"), or {@code null}
 * @param zip5 the 5-digit ZIP code, or {@code null}
 * @param city the folded city, or {@code null}
 */
record AddressKey(String street, String unit, String zip5, String city) {

    private static final Pattern US_POSTAL_CODE = Pattern.compile("([0-9]{5})(-?[0-9]{4})?");
    private static final Pattern ZIP_WORD = Pattern.compile("[0-9]{5}|[0-9]{9}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("[0-9]+[a-z]?");
    private static final Pattern UNIT_NUMBER = Pattern.compile("[0-9]+[a-z]?|[a-z]");
    private static final Pattern ZERO_HOUSE_NUMBER = Pattern.compile("0+ ");
    private static final Pattern ORDINAL_NUMBER = Pattern.compile("([0-9]+)(?:st|nd|rd|th)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʼ]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9#]+");
    // The house number, directionals, and the first other word of a street key; as in V31's street_place_key.
    private static final Pattern PLACE_KEY = Pattern.compile("^(\\S+) (?:(?:n|s|e|w|ne|nw|se|sw) )*(\\S+).*$");

    private static final Map<String, String> DIRECTIONALS = Map.ofEntries(
            Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
            Map.entry("northeast", "ne"), Map.entry("northwest", "nw"), Map.entry("southeast", "se"),
            Map.entry("southwest", "sw"));

    private static final Map<String, String> ORDINALS = Map.ofEntries(
            Map.entry("first", "1st"), Map.entry("second", "2nd"), Map.entry("third", "3rd"),
            Map.entry("fourth", "4th"), Map.entry("fifth", "5th"), Map.entry("sixth", "6th"),
            Map.entry("seventh", "7th"), Map.entry("eighth", "8th"), Map.entry("ninth", "9th"),
            Map.entry("tenth", "10th"), Map.entry("eleventh", "11th"), Map.entry("twelfth", "12th"),
            Map.entry("saint", "st"));

    // Secondary unit designators of USPS Publication 28, Appendix C2, that are followed by an identifier.
    private static final Set<String> UNIT_DESIGNATORS = Set.of(
            "#", "apt", "apartment", "bldg", "building", "dept", "department", "fl", "floor", "hngr", "hangar",
            "lot", "ofc", "office", "rm", "room", "spc", "space", "ste", "suite", "trlr", "unit");

    // Designators that are the whole unit, with no identifier after them.
    private static final Set<String> UNIT_WORDS = Set.of(
            "rear", "frnt", "front", "upper", "uppr", "lower", "lowr", "bsmt", "basement", "lbby", "lobby", "ph",
            "penthouse");

    // Suffixes after which a number is part of the road's name ("US Highway 20"), not a unit.
    private static final Set<String> NUMBERED_ROADS = Set.of("hwy", "fwy", "expy", "tpke", "pike", "byp", "route",
            "rte", "rd", "cr", "sr");

    private static final Set<String> STATES = Set.of(
            "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
            "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc",
            "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy",
            "pr", "gu", "vi", "as", "mp",
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
            "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
            "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
            "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas",
            "utah", "vermont", "virginia", "washington", "wisconsin", "wyoming",
            "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
            "rhode island", "south carolina", "south dakota", "west virginia", "district of columbia",
            "usa", "us", "united states");

    /** Returns the key of an address; every part of the key is {@code null} for a {@code null} address. */
    static AddressKey of(IncomingAddress address) {
        if (address == null) {
            return new AddressKey(null, null, null, null);
        }
        String city = blankToNull(TextFolding.fold(address.city()));
        String zip5 = zip5(address.postalCode(), address.countryCode());
        List<String> cityWords = city == null ? List.of() : List.of(city.split(" "));

        List<String> unitWords = new ArrayList<>();
        String[] segments = address.line1() == null ? new String[0] : address.line1().split(",");
        List<String> streetWords = segments.length == 0 ? new ArrayList<>() : words(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            List<String> segment = words(segments[i]);
            if (isUnitPart(segment)) {
                unitWords.addAll(segment);
            }
        }
        if (address.line2() != null) {
            unitWords.addAll(words(address.line2()));
        }

        String trailingZip = removeTrailingLocality(streetWords, cityWords);
        if (zip5 == null && trailingZip != null) {
            zip5 = trailingZip;
        }

        String poBox = poBox(streetWords);
        if (poBox != null) {
            return new AddressKey(poBox, unitKey(unitWords), zip5, city);
        }
        if (streetWords.size() < 2 || !HOUSE_NUMBER.matcher(streetWords.get(0)).matches()) {
            return new AddressKey(null, unitKey(unitWords), zip5, city);
        }

        List<String> unitInStreet = splitOffUnit(streetWords);
        List<String> allUnitWords = new ArrayList<>(unitInStreet);
        allUnitWords.addAll(unitWords);

        return new AddressKey(String.join(" ", normalizeStreet(streetWords)), unitKey(allUnitWords), zip5, city);
    }

    /**
     * Tells whether two addresses are the same place: equal streets and equal units when both have one. City and
     * ZIP code are not compared, because licence lists often pair the local street with the owner's mailing city
     * (a South Bend row of {@code 209 E IRELAND RD} with {@code ROSEMEAD, CA 91770}). {@link #isSameLocalityAs} breaks ties.
     *
     * <p>A street written without its directional or suffix ({@code 3801 S. Wabash} for {@code 3801 S Wabash Ave})
     * is the same place too, but only in the same ZIP code or city, because {@code 100 Main} alone could be Main
     * Street or Main Avenue.
     */
    // NOTE: the same name at the same street address in two towns therefore counts as one business.
    boolean isSamePlaceAs(AddressKey other) {
        if (street == null || other.street == null) {
            return false;
        }
        boolean sameStreet = street.equals(other.street) || isShortFormInSameLocality(other);
        return sameStreet && (unit == null || other.unit == null || unit.equals(other.unit));
    }

    /**
     * Tells whether an address of a business that is already known to be the same is the same place as this one:
     * {@link #isSamePlaceAs}, or the same street name and house number in the same ZIP code or city with another
     * suffix ({@code 2001 W Pierce Ave} and {@code 2001 W. Pierce St.}). Lists often get the suffix wrong, and one
     * business rarely has two sites that differ only in it. Between two businesses, the stricter
     * {@link #isSamePlaceAs} holds.
     */
    boolean isSamePlaceOfOneBusinessAs(AddressKey other) {
        if (isSamePlaceAs(other)) {
            return true;
        }
        boolean bothHaveLocality = (zip5 != null || city != null) && (other.zip5 != null || other.city != null);
        return bothHaveLocality && isSameLocalityAs(other) && isSameStreetAs(other)
                && (unit == null || other.unit == null || unit.equals(other.unit));
    }

    /** Tells whether the street's house number is 0, which lists use for an address they do not have. */
    boolean hasZeroHouseNumber() {
        return street != null && ZERO_HOUSE_NUMBER.matcher(street).lookingAt();
    }

    /**
     * Returns the house number and the first word of the street's name after any directional: {@code 3801 wabash} for
     * both {@code 3801 s wabash ave} and {@code 3801 S. Wabash}. It finds records whose streets differ in directional,
     * suffix or later words; {@code null} without a street. The database computes the same key with the function
     * {@code street_place_key} (V31), and StreetPlaceKeyTest checks that the two agree.
     */
    String placeKey() {
        return street == null ? null : PLACE_KEY.matcher(street).replaceFirst("$1 $2");
    }

    /**
     * Tells whether both have the same house number on a street of the same name: the street name words of one
     * contain those of the other ({@code 3801 S Wabash Ave} and {@code 3801 S. Wabash}, {@code 8128 S Dr Martin Luther
     * King Jr Dr} and {@code 8128 S King Drive}). Suffixes are not compared, because lists often get them wrong
     * ({@code 1738 W Marquette Rd} and {@code 1738 W. Marquette St.}), but two directionals that differ make two
     * streets ({@code 100 N Main St} and {@code 100 S Main St}). House numbers compare exactly. Units are not
     * compared. This is evidence for matching; {@link #isSamePlaceAs} is stricter.
     */
    boolean isSameStreetAs(AddressKey other) {
        if (street == null || other.street == null) {
            return false;
        }
        if (street.equals(other.street)) {
            return true;
        }
        StreetParts ours = StreetParts.of(street);
        StreetParts theirs = StreetParts.of(other.street);
        boolean sameName = !ours.nameWords().isEmpty() && !theirs.nameWords().isEmpty()
                && (ours.nameWords().containsAll(theirs.nameWords()) || theirs.nameWords().containsAll(ours.nameWords()));
        return ours.houseNumber().equals(theirs.houseNumber()) && sameName
                && !disjoint(ours.directionals(), theirs.directionals());
    }

    /** Tells whether both sets have words and share none. */
    private static boolean disjoint(Set<String> first, Set<String> second) {
        return !first.isEmpty() && !second.isEmpty() && Collections.disjoint(first, second);
    }

    /** A normalized street split into its house number, the words of its name and its directionals. */
    private record StreetParts(String houseNumber, Set<String> nameWords, Set<String> directionals) {

        static StreetParts of(String street) {
            String[] words = street.split(" ");
            Set<String> nameWords = new LinkedHashSet<>();
            Set<String> directionals = new HashSet<>();
            for (int i = 1; i < words.length; i++) {
                if (DIRECTIONALS.containsValue(words[i])) {
                    directionals.add(words[i]);
                } else if (StreetSuffixes.standardAbbreviation(words[i]) == null) {
                    nameWords.add(words[i]);
                }
            }
            return new StreetParts(words[0], nameWords, directionals);
        }
    }

    private boolean isShortFormInSameLocality(AddressKey other) {
        boolean bothHaveLocality = (zip5 != null || city != null) && (other.zip5 != null || other.city != null);
        return bothHaveLocality && isSameLocalityAs(other)
                && (isShortFormOf(street, other.street) || isShortFormOf(other.street, street));
    }

    /**
     * Tells whether {@code shorter} is {@code longer} with only a leading directional or trailing directionals and
     * street suffixes left out. The house number and every word of the street's name must be the same and in the
     * same order, so {@code 100 main} is a short form of {@code 100 n main st} but {@code 100 main st} is not one of
     * {@code 100 main ave}.
     */
    private static boolean isShortFormOf(String shorter, String longer) {
        String[] shortWords = shorter.split(" ");
        String[] longWords = longer.split(" ");
        if (shortWords.length >= longWords.length || !shortWords[0].equals(longWords[0])) {
            return false;
        }
        int start = 1;
        if (!longWords[1].equals(shortWords[1]) && DIRECTIONALS.containsValue(longWords[1])) {
            start = 2;
        }
        int matched = shortWords.length - 1;
        if (start + matched > longWords.length) {
            return false;
        }
        for (int i = 0; i < matched; i++) {
            if (!canonical(shortWords[1 + i]).equals(canonical(longWords[start + i]))) {
                return false;
            }
        }
        for (int i = start + matched; i < longWords.length; i++) {
            if (!DIRECTIONALS.containsValue(longWords[i]) && !StreetSuffixes.isStandardAbbreviation(longWords[i])) {
                return false;
            }
        }
        boolean namesTheStreet = false;
        for (int i = 1; i < shortWords.length; i++) {
            namesTheStreet |= !DIRECTIONALS.containsValue(shortWords[i])
                    && !StreetSuffixes.isStandardAbbreviation(shortWords[i]);
        }
        return namesTheStreet;
    }

    /**
     * Returns a street word as its suffix's standard abbreviation when it is a suffix. Only the last word of a street
     * is abbreviated in the key, so {@code 4301 S Cottage Grove Ave} keeps {@code grove} where {@code 4301 S Cottage
     * Grove} has {@code grv}.
     */
    private static String canonical(String word) {
        String standard = StreetSuffixes.standardAbbreviation(word);
        return standard != null ? standard : word;
    }

    /** Tells whether the ZIP codes or the cities are equal, or either side gives neither. */
    boolean isSameLocalityAs(AddressKey other) {
        boolean sameZip = zip5 != null && zip5.equals(other.zip5);
        boolean sameCity = city != null && city.equals(other.city);
        boolean localityUnknown = (zip5 == null && city == null) || (other.zip5 == null && other.city == null);
        return sameZip || sameCity || localityUnknown;
    }

    private static String zip5(String postalCode, String countryCode) {
        if (postalCode == null || (countryCode != null && !countryCode.equalsIgnoreCase("US"))) {
            return null;
        }
        var matcher = US_POSTAL_CODE.matcher(postalCode.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Splits a line into folded words, keeping {@code #} as a word of its own. */
    private static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String unaccented = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String spaced = APOSTROPHES.matcher(unaccented).replaceAll("").replace("#", " # ").replace("&", " and ");
        List<String> words = new ArrayList<>(Arrays.asList(SEPARATORS.matcher(spaced).replaceAll(" ").strip().split(" ")));
        words.removeIf(String::isEmpty);
        return words;
    }

    /**
     * Tells whether a comma-separated part after the street contains a unit ("Suite 104", "#7", "110") rather than the
     * city, state and ZIP code or other words, which the key leaves out.
     */
    private static boolean isUnitPart(List<String> segment) {
        if (segment.isEmpty()) {
            return false;
        }
        String first = segment.get(0);
        boolean designated = (UNIT_DESIGNATORS.contains(first) || UNIT_WORDS.contains(first))
                && (segment.size() == 1 || isUnitIdentifier(segment.get(1)) || UNIT_WORDS.contains(first));
        return designated || (segment.size() == 1 && isUnitIdentifier(first) && !ZIP_WORD.matcher(first).matches());
    }

    private static boolean isUnitIdentifier(String word) {
        return UNIT_NUMBER.matcher(word).matches() || word.chars().anyMatch(Character::isDigit);
    }

    /**
     * Removes a ZIP code, state and city that end the street line, as in {@code 3301 PORTAGE AVE SOUTH BEND, IN 46628}
     * once split at commas. A state is removed only after a ZIP code or the city, because "CT" also ends
     * "SUGAR MAPLE BUSINESS CT". At least a house number and one street word stay.
     *
     * @return the ZIP code removed, or {@code null}
     */
    private static String removeTrailingLocality(List<String> words, List<String> cityWords) {
        String zip = null;
        int size = words.size();
        if (size > 3 && FOUR_DIGITS.matcher(words.get(size - 1)).matches() && words.get(size - 2).matches("[0-9]{5}")) {
            zip = words.get(size - 2);
            words.subList(size - 2, size).clear();
        } else if (size > 2 && ZIP_WORD.matcher(words.get(size - 1)).matches()) {
            zip = words.get(size - 1).substring(0, 5);
            words.remove(size - 1);
        }

        boolean stateRemoved = false;
        for (int length = 3; length >= 1 && !stateRemoved; length--) {
            if (words.size() - length < 2) {
                continue;
            }
            String tail = String.join(" ", words.subList(words.size() - length, words.size()));
            boolean cityBefore = endsWith(words.subList(0, words.size() - length), cityWords);
            if (STATES.contains(tail) && (zip != null || cityBefore)) {
                words.subList(words.size() - length, words.size()).clear();
                stateRemoved = true;
            }
        }

        boolean suffixBeforeCity = words.size() > cityWords.size()
                && StreetSuffixes.isStandardAbbreviation(normalizeStreetWord(words.get(words.size() - cityWords.size() - 1)));
        if ((zip != null || stateRemoved || suffixBeforeCity) && endsWith(words, cityWords)
                && words.size() - cityWords.size() >= 2) {
            words.subList(words.size() - cityWords.size(), words.size()).clear();
        }
        return zip;
    }

    private static boolean endsWith(List<String> words, List<String> tail) {
        return !tail.isEmpty() && words.size() >= tail.size()
                && words.subList(words.size() - tail.size(), words.size()).equals(tail);
    }

    private static String poBox(List<String> words) {
        String text = String.join(" ", words);
        for (String prefix : List.of("po box ", "p o box ", "post office box ", "pob ", "box ")) {
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                return "po box " + text.substring(prefix.length()).replace(" ", "");
            }
        }
        return null;
    }

    /**
     * Removes the unit from the street words and returns its words: everything from a unit designator on, or a
     * bare number after a street suffix. A designator counts only after the house number and one street word.
     */
    private static List<String> splitOffUnit(List<String> streetWords) {
        for (int i = 2; i < streetWords.size(); i++) {
            String word = streetWords.get(i);
            boolean last = i == streetWords.size() - 1;
            boolean identifierFollows = !last && isUnitIdentifier(streetWords.get(i + 1));
            boolean designator = word.equals("#") || (UNIT_DESIGNATORS.contains(word) && identifierFollows)
                    || (UNIT_WORDS.contains(word) && (last || identifierFollows));
            if (designator) {
                List<String> unit = new ArrayList<>(streetWords.subList(i, streetWords.size()));
                streetWords.subList(i, streetWords.size()).clear();
                return unit;
            }
        }

        int last = streetWords.size() - 1;
        // "1st Floor" writes the identifier before the designator; it is the unit "Floor 1".
        if (last >= 3 && (streetWords.get(last).equals("floor") || streetWords.get(last).equals("fl"))) {
            var ordinal = ORDINAL_NUMBER.matcher(streetWords.get(last - 1));
            if (ordinal.matches()) {
                streetWords.subList(last - 1, last + 1).clear();
                return new ArrayList<>(List.of("fl", ordinal.group(1)));
            }
        }
        if (last >= 3 && UNIT_NUMBER.matcher(streetWords.get(last)).matches()) {
            String before = normalizeStreetWord(streetWords.get(last - 1));
            String candidate = streetWords.get(last);
            if (StreetSuffixes.isStandardAbbreviation(before) && !NUMBERED_ROADS.contains(before)
                    && !isDirectionalOrNumber(before) && !DIRECTIONALS.containsValue(candidate)) {
                return new ArrayList<>(List.of(streetWords.remove(last)));
            }
        }
        return List.of();
    }

    /** Joins the unit identifier without its designators: "STE A", "Suite A" and "#A" all give "a". */
    private static String unitKey(List<String> unitWords) {
        StringBuilder key = new StringBuilder();
        String word = null;
        for (String unitWord : unitWords) {
            if (UNIT_DESIGNATORS.contains(unitWord)) {
                continue;
            }
            if (UNIT_WORDS.contains(unitWord)) {
                word = unitWord;
                continue;
            }
            key.append(unitWord);
        }
        if (!key.isEmpty()) {
            return key.toString();
        }
        return word;
    }

    /**
     * Reduces the words that USPS Publication 28 standardizes by position: a directional right after the house
     * number or at the end, and the street suffix at the end or before a final directional or road number
     * ("US Highway 20"). Ordinal words are reduced anywhere. Other words stay, so "Hill" in "N Hill St" is kept.
     */
    private static List<String> normalizeStreet(List<String> streetWords) {
        int last = streetWords.size() - 1;
        boolean endsWithDirectionalOrNumber = last > 1 && isDirectionalOrNumber(streetWords.get(last));
        int suffixPosition = endsWithDirectionalOrNumber ? last - 1 : last;

        List<String> street = new ArrayList<>(List.of(streetWords.get(0)));
        for (int i = 1; i <= last; i++) {
            String word = streetWords.get(i);
            boolean directionalPosition = last > 1 && (i == 1 || i == last);
            if (directionalPosition && DIRECTIONALS.containsKey(word)) {
                street.add(DIRECTIONALS.get(word));
            } else if (i == suffixPosition) {
                street.add(suffix(word));
            } else {
                street.add(ORDINALS.getOrDefault(word, word));
            }
        }
        return street;
    }

    private static boolean isDirectionalOrNumber(String word) {
        return DIRECTIONALS.containsKey(word) || DIRECTIONALS.containsValue(word) || HOUSE_NUMBER.matcher(word).matches();
    }

    private static String suffix(String word) {
        String ordinal = ORDINALS.get(word);
        if (ordinal != null) {
            return ordinal;
        }
        String standard = StreetSuffixes.standardAbbreviation(word);
        return standard != null ? standard : word;
    }

    private static String normalizeStreetWord(String word) {
        String directional = DIRECTIONALS.get(word);
        return directional != null ? directional : suffix(word);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
