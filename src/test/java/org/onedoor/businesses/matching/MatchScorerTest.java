package org.onedoor.businesses.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.internal.MatchEvidence.Kind;
import org.onedoor.businesses.internal.MatchEvidence;
import org.onedoor.businesses.internal.MatchNameWeights;
import org.onedoor.businesses.internal.MatchProfile;
import org.onedoor.businesses.internal.MatchResult;
import org.onedoor.businesses.internal.MatchScorer;

/**
 * Scores pairs of records with the rules and guards of the matching engine. Name weights come from a fixed table
 * in which "staffing", "home", "care", "central" and similar words are frequent, as they are in real lists.
 */
class MatchScorerTest {

    // 10,000 names, in which ordinary business words are frequent and the rest are rare.
    private static final MatchNameWeights WEIGHTS = new MatchNameWeights(Map.ofEntries(
            Map.entry("staffing", 400), Map.entry("central", 300), Map.entry("valley", 250), Map.entry("coast", 200),
            Map.entry("first", 500), Map.entry("choice", 150), Map.entry("home", 600), Map.entry("care", 700),
            Map.entry("auto", 400), Map.entry("repair", 350), Map.entry("solutions", 500), Map.entry("group", 900),
            Map.entry("enterprise", 60), Map.entry("restaurant", 300), Map.entry("china", 40), Map.entry("max", 30)),
            10_000);
    private static final MatchScorer SCORER = new MatchScorer(WEIGHTS);

    // Scores of the same name with nothing else, as seen by the engine's thresholds.
    private static final double AUTO_MATCH = 0.95;
    private static final double LIKELY = 0.5;

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme Widgets Inc            | ACME WIDGETS
            Acme Widgets Inc.           | Acme Widgets Incorporated
            Acme Widgets LLC            | Acme Widgets L.L.C.
            Acme Widgets Corp           | Acme Widgets Co
            A.B.C. Plumbing             | A B C Plumbing
            A B C Plumbing              | ABC Plumbing
            Smith & Sons Roofing        | Smith and Sons Roofing
            Café Olé                    | CAFE OLE
            Frank’s Place               | Frank's Place
            Franks Place                | FRANK'S PLACE
            Greenleaf Landscaping       | Green Leaf Landscaping
            Tri-County Welding          | TriCounty Welding
            Tri-County Welding          | Tri County Welding
            """)
    void nameVariantsMatchExactly(String first, String second) {
        MatchResult result = SCORER.score(named(first), named(second));

        assertThat(result.has(Kind.LEGAL_NAME)).as(result.reasons().toString()).isTrue();
        assertThat(result.score()).isGreaterThanOrEqualTo(LIKELY);
    }

    @Test
    void nameReasonNamesRemovedLegalForm() {
        MatchResult result = SCORER.score(named("Ragamuffin Toys Inc"), named("Ragamuffin Toys"));

        assertThat(result.reasons()).contains("Name matches after removing 'Inc' ('Ragamuffin Toys Inc' and "
                + "'Ragamuffin Toys')");
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Enterprise Solutions Group  | Solutions Group Co
            Central Valley Staffing     | Central Coast Staffing
            First Choice Home Care      | First Choice Auto Repair
            """)
    void guardedNamesAloneAreNotLikelyDuplicates(String first, String second) {
        MatchResult result = SCORER.score(named(first), named(second));

        assertThat(result.has(Kind.LEGAL_NAME)).isFalse();
        assertThat(result.score()).as(result.reasons().toString()).isLessThan(0.05);
    }

    @Test
    void oneCommonWordIsNamedAsOnlyAgreement() {
        MatchResult result = SCORER.score(named("Valley Staffing"), named("Keystone Staffing"));

        assertThat(result.reasons()).contains("Only the common word 'staffing' agrees");
        assertThat(result.score()).isLessThan(0.05);
    }

    @Test
    void innerWordsAreNeverStripped() {
        MatchResult result = SCORER.score(named("Enterprise Solutions Group"), named("Solutions Group Co"));

        assertThat(result.has(Kind.LEGAL_NAME)).isFalse();
        assertThat(result.has(Kind.TRADE_NAME)).isFalse();
    }

    @Test
    void tradeNameAfterDbaMatchesAtSameAddress() {
        MatchProfile known = profile("J AND W RESTAURANT GROUP INC -DBA: CHINA MAX", List.of(), null, null,
                address("4601 W Western Ave"), null);
        MatchProfile incoming = profile("China Max", List.of(), null, null, address("4601 W WESTERN AVENUE"), null);

        MatchResult result = SCORER.score(incoming, known);

        assertThat(result.has(Kind.TRADE_NAME)).as(result.reasons().toString()).isTrue();
        assertThat(result.has(Kind.ADDRESS)).isTrue();
        assertThat(result.score()).isGreaterThanOrEqualTo(AUTO_MATCH);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            327 W Marion St             | 327 West Marion Street
            1233 N Eddy St Suite 110    | 1233 N EDDY ST STE 110
            1233 N Eddy St #110         | 1233 North Eddy Street, Unit 110
            3901 S University Ave       | 3901 S UNIVERSITY AVENUE
            """)
    void addressVariantsAreSameStreetAddress(String first, String second) {
        MatchResult result = SCORER.score(at("Northside Bakery", first), at("Northside Bakery", second));

        assertThat(result.has(Kind.ADDRESS)).as(result.reasons().toString()).isTrue();
        assertThat(result.score()).isGreaterThanOrEqualTo(AUTO_MATCH);
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            327 W Marion St             | 372 W Marion St
            327 W Marion St             | 3270 W Marion St
            12 Main St                  | 21 Main St
            """)
    void houseNumbersCompareExactly(String first, String second) {
        MatchResult result = SCORER.score(at("Northside Bakery", first), at("Northside Bakery", second));

        assertThat(result.has(Kind.ADDRESS)).isFalse();
        assertThat(result.has(Kind.SAME_STREET_NUMBER)).isFalse();
        assertThat(result.score()).isLessThan(AUTO_MATCH);
    }

    @Test
    void differentUnitsCountAgainst() {
        MatchResult result = SCORER.score(at("Northside Bakery", "1233 N Eddy St Suite 110"),
                at("Northside Bakery", "1233 N Eddy St Suite 120"));

        assertThat(result.has(Kind.DIFFERENT_UNIT)).isTrue();
        assertThat(result.score()).isLessThan(LIKELY);
    }

    @Test
    void sameAddressWithDifferentNamesIsNotLikely() {
        MatchResult result = SCORER.score(at("Northside Bakery", "327 W Marion St"),
                at("Quantum Legal Partners", "327 W Marion St"));

        assertThat(result.score()).isLessThan(LIKELY);
    }

    @Test
    void rareWordsApartJoinAtSamePlaceOnlyWithSamePhone() {
        MatchResult withoutPhone = SCORER.score(at("Franks Ragamuffin Bakery", "327 W Marion St"),
                at("Franks Ragamuffin Catering", "327 W Marion St"));
        MatchResult withPhone = SCORER.score(
                profile("Franks Ragamuffin Bakery", List.of(), null, null, address("327 W Marion St"), "+15742322277"),
                profile("Franks Ragamuffin Catering", List.of(), null, null, address("327 W Marion St"),
                        "+15742322277"));

        assertThat(withoutPhone.has(MatchEvidence.Kind.SIMILAR_NAME)).isTrue();
        assertThat(MatchScorer.isPlainlySame(withoutPhone, AUTO_MATCH)).isFalse();
        assertThat(MatchScorer.isPlainlySame(withPhone, AUTO_MATCH)).isTrue();
    }

    @Test
    void unlikeNamesApartDespiteSamePhone() {
        // 27% similar: below the floor that names with rare words of their own need even with the same phone.
        MatchResult result = SCORER.score(
                profile("Franks Ragamuffin Bakery", List.of(), null, null, address("327 W Marion St"), "+15742322277"),
                profile("Franks Bellweather Catering", List.of(), null, null, address("327 W Marion St"),
                        "+15742322277"));

        assertThat(result.has(MatchEvidence.Kind.SIMILAR_NAME)).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void nameCutShortJoinsAtSamePlace() {
        MatchResult result = SCORER.score(at("Sweet Frog Premium Frozen Yogurt", "560 W Ireland Rd"),
                at("SWEET FROG PREMIUM FROZEN YOGU", "560 W Ireland Rd"));

        assertThat(result.has(Kind.SIMILAR_NAME)).as(result.reasons().toString()).isFalse();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Tiny Tots Villa             | Tiny Tot Villa
            Brite New Mind Daycare      | BRITE NEW MINDS DAYCARE
            """)
    void singularAndPluralWordsReadAlike(String first, String second) {
        MatchResult result = SCORER.score(named(first), named(second));

        assertThat(result.has(Kind.LEGAL_NAME)).as(result.reasons().toString()).isTrue();
        assertThat(result.reasons().toString()).contains("singular and plural");
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bass Lake Marina            | Bas Lake Marina
            Bas Lake Marina             | Bass Lake Marina
            """)
    void doubleSEndingIsNoPlural(String first, String second) {
        MatchResult result = SCORER.score(named(first), named(second));

        assertThat(result.has(Kind.LEGAL_NAME)).as(result.reasons().toString()).isFalse();
    }

    @Test
    void siteNameAfterAgencyJoins() {
        MatchProfile site = profile("Hay", List.of(), null, null, address("1018 N Laramie Ave"), "+13125346000");
        MatchProfile withAgency = profile("CHICAGO PUBLIC SCHOOLS HAY COMM. ACADEMY, JOHN", List.of(), null, null,
                address("1018 N LARAMIE"), "+13125346000");

        MatchResult result = SCORER.score(site, withAgency);

        assertThat(result.has(Kind.NAME_AFTER_PREFIX)).as(result.reasons().toString()).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isTrue();
    }

    @Test
    void siteNameAfterAgencyJoinsAtSamePlaceWithoutPhone() {
        MatchResult result = SCORER.score(at("Hay", "1018 N Laramie Ave"),
                at("Chicago Public Schools Hay", "1018 N Laramie Ave"));

        assertThat(result.has(Kind.NAME_AFTER_PREFIX)).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isTrue();
    }

    @Test
    void agencySiteApartInOtherUnit() {
        MatchResult result = SCORER.score(
                profile("Hay", List.of(), null, null, address("1018 N Laramie Ave Suite 2"), "+13125346000"),
                profile("Chicago Public Schools Hay", List.of(), null, null, address("1018 N Laramie Ave Suite 9"),
                        "+13125346000"));

        assertThat(result.has(Kind.DIFFERENT_UNIT)).as(result.reasons().toString()).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void siteNameAfterAgencyNeedsAddress() {
        MatchResult result = SCORER.score(
                profile("Hay", List.of(), null, null, address("1018 N Laramie Ave"), "+13125346000"),
                profile("Chicago Public Schools Hay", List.of(), null, null, address("4640 W Lake St"),
                        "+13125346000"));

        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void similarNamesJoinAtSamePlace() {
        MatchResult result = SCORER.score(
                profile("Kiddy Kare Learning Center", List.of(), null, null, address("4444 S Kedzie Ave"),
                        "+17732476642"),
                profile("El Valor Kiddy Kare", List.of(), null, null, address("4444 S. Kedzie"), "+17732476642"));

        assertThat(result.has(Kind.RARE_WORDS_SHARED)).as(result.reasons().toString()).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isTrue();
    }

    @Test
    void nameWithWordsAfterJoinsAtSamePlace() {
        MatchResult result = SCORER.score(at("Frank's Place", "327 W Marion St"),
                at("Frank's Place Ragamuffin", "327 W Marion St"));

        assertThat(result.has(Kind.EXTENDED_NAME)).as(result.reasons().toString()).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isTrue();
    }

    @Test
    void nameWithWordsAfterNeverJoinsElsewhere() {
        MatchResult result = SCORER.score(
                profile("Frank's Place", List.of(), null, null, address("327 W Marion St"), "+15742322277"),
                profile("Frank's Place Ragamuffin", List.of(), null, null, address("1805 Lincoln Way W"),
                        "+15742322277"));

        assertThat(result.has(Kind.EXTENDED_NAME)).as(result.reasons().toString()).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void sharedStoreNumberNeverJoinsAtSamePlace() {
        MatchResult result = SCORER.score(
                profile("SUBWAY #035", List.of(), null, null, address("6424 W Brick Rd"), "+15742728212"),
                profile("PILOT TRAVEL CENTER #035", List.of(), null, null, address("6424 W Brick Rd"),
                        "+15742728212"));

        assertThat(result.has(Kind.COMMON_WORDS_ONLY)).as(result.reasons().toString()).isTrue();
        assertThat(result.reasons()).anyMatch(reason -> reason.startsWith("Only the common or numeric word '035'"));
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void houseNumberZeroIsNoPlace() {
        MatchResult result = SCORER.score(at("Guardian Alarm Co", "0 Outside City Limits"),
                at("Guardian Protection Services", "0 Outside City Limits"));

        assertThat(result.has(Kind.ADDRESS)).as(result.reasons().toString()).isFalse();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void commonWordsOnlyNeverJoinAtSamePlace() {
        MatchResult result = SCORER.score(
                profile("Central Valley Staffing", List.of(), null, null, address("327 W Marion St"), "+15742322277"),
                profile("Central Coast Staffing", List.of(), null, null, address("327 W Marion St"),
                        "+15742322277"));

        assertThat(result.has(Kind.COMMON_WORDS_ONLY)).as(result.reasons().toString()).isTrue();
        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void addressAndPhoneWithoutNameNeverJoin() {
        MatchResult result = SCORER.score(profile("Northside Bakery", List.of(), null, null, address("327 W Marion St"),
                "+15742322277"), profile("Quantum Legal Partners", List.of(), null, null, address("327 W Marion St"),
                "+15742322277"));

        assertThat(MatchScorer.isPlainlySame(result, AUTO_MATCH)).isFalse();
    }

    @Test
    void samePhoneAndNameMatch() {
        MatchProfile first = profile("Northside Bakery", List.of(), null, null, null, "+15742322277");
        MatchProfile second = profile("NORTHSIDE BAKERY LLC", List.of(), null, null, null, "+15742322277");

        MatchResult result = SCORER.score(first, second);

        assertThat(result.reasons()).contains("Same phone +15742322277");
        assertThat(result.score()).isGreaterThanOrEqualTo(AUTO_MATCH);
    }

    @ParameterizedTest(name = "{0} has key {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.Example.com/      | example.com
            http://example.com            | example.com
            WWW.EXAMPLE.COM/jobs/         | example.com/jobs
            example.com/Jobs?ref=1        | example.com/jobs
            https://shop.example.com/#top | shop.example.com
            """)
    void websiteKeysIgnoreSchemeWwwSlashAndCase(String website, String key) {
        assertThat(org.onedoor.businesses.internal.MatchKeys.websiteKey(website)).isEqualTo(key);
    }

    @Test
    void sameWebsiteIsEvidence() {
        MatchProfile first = profile("Northside Bakery", List.of(), null, null, null, null, "https://www.northside.example/");
        MatchProfile second = profile("Northside Bakery", List.of(), null, null, null, null, "northside.example");

        MatchResult result = SCORER.score(first, second);

        assertThat(result.reasons()).contains("Same website northside.example");
        assertThat(result.score()).isGreaterThanOrEqualTo(AUTO_MATCH);
    }

    @Test
    void sameFeinMatchesWhateverTheNames() {
        MatchProfile first = profile("Acme Holdings", List.of(), "12-3456789", null, null, null);
        MatchProfile second = profile("Zenith Partners", List.of(), "12-3456789", null, null, null);

        MatchResult result = SCORER.score(first, second);

        assertThat(result.reasons().get(0)).isEqualTo("Same FEIN 12-3456789");
        assertThat(result.score()).isGreaterThanOrEqualTo(MatchScorer.SAME_FEIN_SCORE);
    }

    @Test
    void differentFeinsAreDifferentBusinesses() {
        MatchProfile first = profile("Northside Bakery", List.of(), "12-3456789", null, address("327 W Marion St"),
                "+15742322277");
        MatchProfile second = profile("Northside Bakery", List.of(), "98-7654321", null, address("327 W Marion St"),
                "+15742322277");

        MatchResult result = SCORER.score(first, second);

        assertThat(result.score()).isZero();
        assertThat(result.reasons()).containsExactly("Different FEINs 12-3456789 and 98-7654321: different businesses");
    }

    @Test
    void sameNaicsSectorIsWeakSupport() {
        MatchProfile without = profile("Northside Bakery", List.of(), null, null, null, null);
        MatchProfile retail = profile("Northside Bakery", List.of(), null, "445291", null, null);
        MatchProfile otherRetail = profile("Northside Bakery", List.of(), null, "452210", null, null);

        double plain = SCORER.score(without, without).score();
        MatchResult sameSector = SCORER.score(retail, otherRetail);

        assertThat(sameSector.reasons()).contains("Same NAICS sector 44-45");
        assertThat(sameSector.score()).isGreaterThan(plain);
        assertThat(sameSector.score()).isLessThan(AUTO_MATCH);
    }

    @Test
    void sectorAloneIsNotEvidence() {
        MatchProfile first = profile("Northside Bakery", List.of(), null, "722511", null, null);
        MatchProfile second = profile("Quantum Legal Partners", List.of(), null, "722511", null, null);

        assertThat(SCORER.score(first, second).score()).isLessThan(0.05);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"info@northside.example", "HR@northside.example", "jobs@northside.example", "office@northside.example"})
    void roleMailboxesNeverCount(String email) {
        MatchProfile first = profile("Northside Bakery", List.of(), null, null, null, null)
                .withContacts(Set.of(email), Set.of());
        MatchProfile second = profile("Quantum Legal Partners", List.of(), null, null, null, null)
                .withContacts(Set.of(email.toLowerCase()), Set.of());
        MatchProfile alone = profile("Quantum Legal Partners", List.of(), null, null, null, null);

        MatchResult result = SCORER.score(first, second);

        assertThat(result.score()).isEqualTo(SCORER.score(first, alone).score());
        assertThat(result.reasons()).anyMatch(reason -> reason.startsWith("Shared role mailbox"));
    }

    @Test
    void personalEmailCounts() {
        MatchProfile first = profile("Northside Bakery", List.of(), null, null, null, null)
                .withContacts(Set.of("maria.lopez@northside.example"), Set.of());
        MatchProfile second = profile("Northside Bakery", List.of(), null, null, null, null)
                .withContacts(Set.of("Maria.Lopez@northside.example"), Set.of());

        assertThat(SCORER.score(first, second).reasons()).contains("Same email maria.lopez@northside.example");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HR Department", "Human Resources", "Front Desk", "Office Manager"})
    void genericContactNamesNeverCount(String contact) {
        MatchProfile first = profile("Northside Bakery", List.of(), null, null, null, null)
                .withContacts(Set.of(), Set.of(contact));
        MatchProfile second = profile("Quantum Legal Partners", List.of(), null, null, null, null)
                .withContacts(Set.of(), Set.of(contact));
        MatchProfile alone = profile("Quantum Legal Partners", List.of(), null, null, null, null);

        assertThat(SCORER.score(first, second).score()).isEqualTo(SCORER.score(first, alone).score());
    }

    @Test
    void scoresStayWithinZeroAndOne() {
        MatchProfile everything = profile("Northside Bakery", List.of("Northside"), "12-3456789", "445291",
                address("327 W Marion St"), "+15742322277");
        MatchProfile nothing = profile("Quantum Legal Partners", List.of(), null, "541110", address("9 Elm St"),
                "+13125550100");

        assertThat(SCORER.score(everything, everything).score()).isBetween(0.0, 1.0);
        assertThat(SCORER.score(nothing, everything).score()).isBetween(0.0, 1.0);
    }

    @Test
    void reasonsNameStreetAddress() {
        MatchResult result = SCORER.score(at("Northside Bakery", "327 W Marion St"),
                at("Northside Bakery", "327 W Marion St"));

        assertThat(result.reasons()).contains("Same street address 327 W Marion St, South Bend, IN 46601");
    }

    // --- builders

    private static MatchProfile named(String name) {
        return profile(name, List.of(), null, null, null, null);
    }

    private static MatchProfile at(String name, String street) {
        return profile(name, List.of(), null, null, address(street), null);
    }

    private static IncomingAddress address(String street) {
        return new IncomingAddress(street, null, "South Bend", "IN", "46601", "US", null);
    }

    private static MatchProfile profile(String legalName, List<String> tradeNames, String fein, String naics,
                                        IncomingAddress address, String phoneE164) {
        return profile(legalName, tradeNames, fein, naics, address, phoneE164, null);
    }

    private static MatchProfile profile(String legalName, List<String> tradeNames, String fein, String naics,
                                        IncomingAddress address, String phoneE164, String website) {
        return MatchProfile.of(new IncomingBusiness(legalName, tradeNames, fein, naics, website, phoneE164, phoneE164,
                null, address, Map.of()));
    }
}
