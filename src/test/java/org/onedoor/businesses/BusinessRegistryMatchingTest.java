package org.onedoor.businesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessProfile.HistoryEntry;
import org.onedoor.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Registers records that are plainly the same business, and records that must stay apart, against the real
 * database. Every test names its businesses with a random word so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessRegistryMatchingTest {

    @Autowired
    BusinessRegistry registry;

    @Autowired
    BusinessSearch search;

    @Test
    void matchesSameLicenceHolderInDifferentYears() {
        String word = uniqueWord();
        String phone = uniquePhone();

        // The address and phone are made up: other tests register the real Frank's Place at 327 W Marion St.
        Registration year2020 = registry.register(business("FRANK'S PLACE " + word, "331 W  MARION ST",
                phone.substring(0, 3) + "-" + phone.substring(3, 6) + "-" + phone.substring(6), "+1" + phone), source(2));
        Registration year2021 = registry.register(business("Frank's Place " + word.toLowerCase(),
                "331 W Marion St, South Bend, Indiana, 46601", phone, "+1" + phone), source(3));

        assertThat(year2020.created()).isTrue();
        assertThat(year2021.created()).isFalse();
        assertThat(year2021.businessId()).isEqualTo(year2020.businessId());
        assertThat(year2021.matchReason()).isEqualTo("Legal name and address match");
        assertThat(profile(year2020).establishments()).hasSize(1);
        assertThat(profile(year2020).sourceRecords()).hasSize(2);
    }

    @Test
    void matchesDifferentCasingAndSpacingAtSameAddress() {
        String word = uniqueWord();

        Registration first = registry.register(business("LOS ASES " + word + " MEXICAN FOOD LLC", "3622 EDISON RD",
                null, null), source(2));
        Registration second = registry.register(business("Los  Ases " + word + "  Mexican Food", "3622 Edison Road",
                null, null), source(3));

        assertThat(second.created()).isFalse();
        assertThat(second.businessId()).isEqualTo(first.businessId());
    }

    @Test
    void keepsShortStreetFormOneEstablishment() {
        String word = uniqueWord();

        Registration full = registry.register(business("Wabash " + word + " Learning Center", "3801 S Wabash Ave",
                "574-232-2277", "+15742322277"), source(2));
        Registration shortForm = registry.register(business("WABASH " + word + " LEARNING CENTER", "3801 S. Wabash",
                null, null), source(3));

        assertThat(shortForm.businessId()).isEqualTo(full.businessId());
        assertThat(profile(full).establishments()).hasSize(1);
    }

    @Test
    void matchesMrChensWithAndWithoutPeriod() {
        String word = uniqueWord();

        Registration dotted = registry.register(business("MR. CHEN'S " + word, "3901 S UNIVERSITY AVE #7", null, null),
                source(2));
        Registration plain = registry.register(business("MR CHEN'S " + word, "3901 S University Ave Unit 7", null, null),
                source(3));

        assertThat(plain.businessId()).isEqualTo(dotted.businessId());
    }

    @Test
    void keepsSameNameAtTwoAddressesApart() {
        String word = uniqueWord();

        Registration first = registry.register(littleRock("THE TENNIS SHOPPE " + word, "8218 CANTRELL RD"), source(2));
        Registration second = registry.register(littleRock("THE TENNIS SHOPPE " + word, "7811 CANTRELL RD"), source(3));

        assertThat(second.created()).isTrue();
        assertThat(second.businessId()).isNotEqualTo(first.businessId());
    }

    @Test
    void keepsDifferentUnitsApart() {
        String word = uniqueWord();

        Registration suite104 = registry.register(business("Cat Lady " + word, "401 E Colfax Ave Suite 104", null, null),
                source(2));
        Registration suite200 = registry.register(business("Cat Lady " + word, "401 E Colfax Ave STE 200", null, null),
                source(3));

        assertThat(suite200.businessId()).isNotEqualTo(suite104.businessId());
    }

    @Test
    void neverMergesDifferentFeins() {
        String word = uniqueWord();
        String firstFein = uniqueFein();
        String secondFein = uniqueFein();

        Registration first = registry.register(withFein(business("Acme " + word + " Inc", "100 Main St", null, null),
                firstFein), source(2));
        Registration second = registry.register(withFein(business("Acme " + word + " Inc", "100 Main St", null, null),
                secondFein), source(3));

        assertThat(second.created()).isTrue();
        assertThat(second.businessId()).isNotEqualTo(first.businessId());
    }

    @Test
    void matchesSameFeinUnderAnotherName() {
        String word = uniqueWord();
        String fein = uniqueFein();

        Registration first = registry.register(withFein(business("Acme " + word + " Holdings", "100 Main St", null,
                null), fein), source(2));
        Registration second = registry.register(withFein(business("Zenith " + word + " Partners", "9 Elm St", null,
                null), fein), source(3));

        assertThat(second.businessId()).isEqualTo(first.businessId());
        assertThat(second.matchReason()).isEqualTo("FEIN " + fein + " matches");
        BusinessProfile profile = profile(first);
        assertThat(profile.legalName()).isEqualTo("Acme " + word + " Holdings");
        assertThat(profile.tradeNames()).extracting(BusinessProfile.TradeName::name)
                .containsExactly("Zenith " + word + " Partners");
        assertThat(profile.establishments()).hasSize(2);
        assertThat(profile.history()).anySatisfy(entry -> {
            assertThat(entry.field()).isEqualTo("legal_name");
            assertThat(entry.action()).isEqualTo("CONFLICT");
            assertThat(entry.newValue()).isEqualTo("Zenith " + word + " Partners");
        });
    }

    @Test
    void matchesSameNameAndPhoneAtNewAddress() {
        String word = uniqueWord();
        String phone = uniquePhone();

        Registration first = registry.register(business("Studebagels " + word, "1811 E SOUTH BEND AVE", phone, "+1" + phone),
                source(2));
        Registration second = registry.register(business("STUDEBAGELS " + word, "4671 PROGRESS DR", phone, "+1" + phone),
                source(3));

        assertThat(second.businessId()).isEqualTo(first.businessId());
        assertThat(second.matchReason()).isEqualTo("Legal name and phone match");
        assertThat(profile(first).establishments()).extracting(BusinessProfile.Establishment::addressLine1)
                .containsExactly("1811 E SOUTH BEND AVE", "4671 PROGRESS DR");
    }

    @Test
    void matchesSiteNameAfterAgency() {
        String word = uniqueWord();
        String phone = uniquePhone();

        Registration site = registry.register(business(word + " Learning Center", "1018 N LARAMIE AVE", phone,
                "+1" + phone), source(2));
        Registration withAgency = registry.register(business("Westside Schools " + word + " Learning Center",
                "1018 N Laramie Avenue", phone, "+1" + phone), source(3));

        assertThat(withAgency.created()).isFalse();
        assertThat(withAgency.businessId()).isEqualTo(site.businessId());
        assertThat(withAgency.matchReason()).contains("after other words").contains("Same phone");
        assertThat(profile(site).establishments()).hasSize(1);
    }

    @Test
    void joinsLongerNameAtSamePlace() {
        String word = uniqueWord();
        String phone = uniquePhone();

        Registration site = registry.register(business("YMCA " + word, "7 E 119TH ST", phone, "+1" + phone),
                source(2));
        Registration program = registry.register(business("YMCA " + word + " I/T", "7 E. 119th Street", phone,
                "+1" + phone), source(3));

        assertThat(program.created()).isFalse();
        assertThat(program.businessId()).isEqualTo(site.businessId());
        assertThat(profile(site).establishments()).hasSize(1);
    }

    @Test
    void findsSamePlaceWrittenWithoutSuffix() {
        String word = uniqueWord();
        String phone = uniquePhone();
        String otherPhone = uniquePhone();

        Registration site = registry.register(business(word + " Learning Center", "3801 S WABASH AVE", phone,
                "+1" + phone), source(2));
        Registration withAgency = registry.register(business("Westside Schools " + word + " Learning Center",
                "3801 S. Wabash", otherPhone, "+1" + otherPhone), source(3));

        assertThat(withAgency.created()).isFalse();
        assertThat(withAgency.businessId()).isEqualTo(site.businessId());
        assertThat(profile(site).establishments()).hasSize(1);
    }

    @Test
    void keepsNameWithWordsAfterApartElsewhere() {
        String word = uniqueWord();
        String phone = uniquePhone();

        Registration place = registry.register(business("FRANK'S PLACE " + word, "327 W MARION ST", phone,
                "+1" + phone), source(2));
        Registration bakery = registry.register(business("FRANK'S PLACE " + word + " RAGAMUFFIN", "1805 LINCOLN WAY W",
                phone, "+1" + phone), source(3));

        assertThat(bakery.created()).isTrue();
        assertThat(bakery.businessId()).isNotEqualTo(place.businessId());
    }

    @Test
    void foreignPostalCodeNeverFillsUsEstablishment() {
        String word = uniqueWord();
        IncomingBusiness withoutZip = new IncomingBusiness("Cross Border Tools " + word, List.of(), null, null, null,
                null, null, null, new IncomingAddress("12 MAIN ST", null, "SOUTH BEND", "IN", null, "US", null), Map.of());
        IncomingBusiness mexican = new IncomingBusiness("Cross Border Tools " + word, List.of(), null, null, null,
                null, null, null, new IncomingAddress("12 MAIN ST", null, "SOUTH BEND", "IN", "2134", "MX", null), Map.of());

        Registration first = registry.register(withoutZip, source(2));
        Registration second = registry.register(mexican, source(3));

        assertThat(second.businessId()).isEqualTo(first.businessId());
        BusinessProfile profile = profile(first);
        assertThat(profile.establishments()).hasSize(1);
        assertThat(profile.establishments().get(0).postalCode()).isNull();
        assertThat(profile.establishments().get(0).countryCode()).isEqualTo("US");
    }

    @Test
    void matchesTradeNameLikeLegalName() {
        String word = uniqueWord();
        IncomingBusiness group = new IncomingBusiness("J AND W RESTAURANT GROUP " + word + " INC",
                List.of("CHINA MAX " + word), null, null, null, null, null, null,
                new IncomingAddress("12815 CHENAL PKWY", null, "LITTLE ROCK", "AR", "72211", "US", null), Map.of());

        Registration first = registry.register(group, source(2));
        Registration second = registry.register(littleRock("China Max " + word.toLowerCase(), "12815 Chenal Parkway"),
                source(3));

        assertThat(second.businessId()).isEqualTo(first.businessId());
        assertThat(second.matchReason()).isEqualTo("Trade name and address match");
    }

    @Test
    void fillsEmptyFieldsAndNotesConflicts() {
        String word = uniqueWord();
        IncomingBusiness withoutNaics = business("Yellow Cat " + word, "812 E Colfax Ave", null, null);
        IncomingBusiness withNaics = withNaics(business("YELLOW CAT " + word, "812 E COLFAX AVE", "574-233-2833",
                "+15742332833"), "722511");
        IncomingBusiness otherNaics = withNaics(business("Yellow Cat " + word, "812 E Colfax Ave", "574-233-9899",
                "+15742339899"), "722513");

        long id = registry.register(withoutNaics, source(2)).businessId();
        registry.register(withNaics, source(3));
        registry.register(otherNaics, source(4));

        BusinessProfile profile = search.findProfile(id).orElseThrow();
        assertThat(profile.naicsCode()).isEqualTo("722511");
        assertThat(profile.establishments()).singleElement()
                .satisfies(establishment -> assertThat(establishment.phone()).isEqualTo("574-233-2833"));
        assertThat(changes(profile, "naics_code")).containsExactly("SET 722511", "CONFLICT 722511 -> 722513");
        assertThat(changes(profile, "establishment.phone"))
                .containsExactly("SET 574-233-2833", "CONFLICT 574-233-2833 -> 574-233-9899");
    }

    @Test
    void recordsCreationOfEachFieldInHistory() {
        String word = uniqueWord();
        String fein = uniqueFein();
        IncomingBusiness business = new IncomingBusiness("Sunrise " + word + " Cafe", List.of("Sunrise Diner " + word),
                fein, "722511", "https://sunrise.example", "574-232-2383", "+15742322383", null,
                new IncomingAddress("1811 LINCOLN WAY W", null, "SOUTH BEND", "IN", "46628", "US", "18141"), Map.of());
        SourceReference source = new SourceReference("STAFF_ENTRY", "Business form", null, 0, Map.of("name", "Sunrise"),
                null, null);

        long id = registry.register(business, source).businessId();

        BusinessProfile profile = search.findProfile(id).orElseThrow();
        assertThat(profile.history()).extracting(HistoryEntry::field).containsExactlyInAnyOrder(
                "legal_name", "fein", "naics_code", "website", "trade_name", "establishment", "establishment.phone",
                "source_record");
        assertThat(profile.history()).allSatisfy(entry -> {
            assertThat(entry.sourceKind()).isEqualTo("STAFF_ENTRY");
            assertThat(entry.sourceRecordId()).isEqualTo(profile.sourceRecords().get(0).id());
        });
        assertThat(profile.sourceRecords().get(0).rawValues()).containsEntry("name", "Sunrise");
    }

    @Test
    void createsOneBusinessWhenSameNameArrivesConcurrently() throws Exception {
        String word = uniqueWord();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Registration>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int line = i + 2;
                Callable<Registration> task = () -> {
                    start.await();
                    return registry.register(business("Concurrent " + word + " LLC", "55 Race St", null, null),
                            source(line));
                };
                futures.add(executor.submit(task));
            }
            start.countDown();

            Set<Long> ids = futures.stream().map(BusinessRegistryMatchingTest::result)
                    .map(Registration::businessId).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(profile(ids.iterator().next()).sourceRecords()).hasSize(threads);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void rejectsInvalidFeinWithFieldProblem() {
        IncomingBusiness business = withFein(business("Bad " + uniqueWord(), "1 Main St", null, null), "123456789");

        assertThatThrownBy(() -> registry.register(business, source(2)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(error -> assertThat(((InvalidInputException) error).problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("fein"))
                .hasMessageContaining("'123456789'");
    }

    @Test
    void rejectsUnknownNaicsCode() {
        IncomingBusiness business = withNaics(business("Bad " + uniqueWord(), "1 Main St", null, null), "999999");

        assertThatThrownBy(() -> registry.register(business, source(2)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NAICS code '999999'");
    }

    private static List<String> changes(BusinessProfile profile, String field) {
        return profile.history().stream()
                .filter(entry -> entry.field().equals(field))
                .map(entry -> entry.action().equals("CONFLICT")
                        ? "CONFLICT " + entry.oldValue() + " -> " + entry.newValue()
                        : entry.action() + " " + entry.newValue())
                .toList();
    }

    private BusinessProfile profile(Registration registration) {
        return profile(registration.businessId());
    }

    private BusinessProfile profile(long id) {
        return search.findProfile(id).orElseThrow();
    }

    private static Registration result(Future<Registration> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("Concurrent registration failed", e);
        }
    }

    static IncomingBusiness business(String name, String line1, String phone, String phoneE164) {
        return new IncomingBusiness(name, List.of(), null, null, null, phone, phoneE164, null,
                new IncomingAddress(line1, null, "SOUTH BEND", "IN", "46601", "US", null), Map.of());
    }

    private static IncomingBusiness littleRock(String name, String line1) {
        return new IncomingBusiness(name, List.of(), null, null, null, null, null, null,
                new IncomingAddress(line1, null, "LITTLE ROCK", "AR", "72211", "US", null), Map.of());
    }

    private static IncomingBusiness withFein(IncomingBusiness business, String fein) {
        return new IncomingBusiness(business.legalName(), business.tradeNames(), fein, business.naicsCode(),
                business.website(), business.phone(), business.phoneE164(), business.phoneExtension(),
                business.address(), business.facts());
    }

    private static IncomingBusiness withNaics(IncomingBusiness business, String naics) {
        return new IncomingBusiness(business.legalName(), business.tradeNames(), business.fein(), naics,
                business.website(), business.phone(), business.phoneE164(), business.phoneExtension(),
                business.address(), business.facts());
    }

    static SourceReference source(long line) {
        return new SourceReference("IMPORT_ROW", "matching-test.csv", null, line, Map.of("line", "" + line), null, null);
    }

    /** Returns a word of random letters, so a test's businesses never match another test's. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    static String uniqueFein() {
        return String.format("%02d-%07d", ThreadLocalRandom.current().nextInt(10, 100),
                ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String uniquePhone() {
        return "574" + String.format("%07d", 2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
    }
}
