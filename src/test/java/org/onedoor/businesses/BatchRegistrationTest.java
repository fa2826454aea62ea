package org.onedoor.businesses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onedoor.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Registers the same list of records twice, once one record per call and once in one {@code registerAll} call,
 * and checks that both give the same decisions and the same profiles. The records depend on each other: later
 * records join businesses that earlier ones created, through a FEIN, trade name or phone that an earlier record
 * added. Each list uses its own random word, street names, phones and FEIN, so the two never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchRegistrationTest {

    @Autowired
    BusinessRegistry registry;

    @Autowired
    BusinessSearch search;

    @Test
    void batchDecidesAsOneByOne() {
        Values oneByOne = Values.random();
        Values batch = Values.random();

        List<String> oneByOneOutcomes = new ArrayList<>();
        List<Long> oneByOneIds = new ArrayList<>();
        for (IncomingBusiness business : records(oneByOne)) {
            try {
                Registration registration = registry.register(business,
                        BusinessRegistryMatchingTest.source(oneByOneIds.size() + 2));
                oneByOneIds.add(registration.businessId());
                oneByOneOutcomes.add(oneByOne.anonymize(describe(registration)));
            } catch (InvalidInputException rejected) {
                oneByOneIds.add(null);
                oneByOneOutcomes.add("REJECTED " + rejected.problems().get(0).field());
            }
        }

        List<IncomingBusiness> records = records(batch);
        List<SourceReference> sources = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            sources.add(BusinessRegistryMatchingTest.source(i + 2));
        }
        List<BatchRegistration> outcomes = registry.registerAll(records, sources);
        List<String> batchOutcomes = new ArrayList<>();
        List<Long> batchIds = new ArrayList<>();
        for (BatchRegistration outcome : outcomes) {
            batchIds.add(outcome.isRejected() ? null : outcome.registration().businessId());
            batchOutcomes.add(outcome.isRejected() ? "REJECTED " + outcome.rejection().problems().get(0).field()
                    : batch.anonymize(describe(outcome.registration())));
        }

        assertThat(batchOutcomes).containsExactlyElementsOf(oneByOneOutcomes);
        assertThat(sameBusinessAs(batchIds)).containsExactlyElementsOf(sameBusinessAs(oneByOneIds));
        assertThat(profiles(batchIds, batch)).containsExactlyEntriesOf(profiles(oneByOneIds, oneByOne));
    }

    @Test
    void batchJoinsRecordsAsExpected() {
        Values values = Values.random();
        List<IncomingBusiness> records = records(values);
        List<SourceReference> sources = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            sources.add(BusinessRegistryMatchingTest.source(i + 2));
        }

        List<BatchRegistration> outcomes = registry.registerAll(records, sources);

        assertThat(outcomes).extracting(outcome -> outcome.isRejected() ? "REJECTED" : describe(outcome.registration()))
                .containsExactly(
                        "CREATED",
                        "MATCHED Legal name and address match",
                        "MATCHED FEIN " + values.fein() + " matches",
                        "CREATED",
                        "MATCHED Trade name and address match",
                        "REJECTED",
                        "MATCHED Legal name and phone match",
                        "CREATED",
                        "MATCHED Legal name and address match",
                        "CREATED");
        assertThat(sameBusinessAs(outcomes.stream()
                .map(outcome -> outcome.isRejected() ? null : outcome.registration().businessId())
                .toList()))
                .containsExactly(0, 0, 0, 3, 3, -1, 3, 7, 0, 9);
        BusinessProfile bakery = search.findProfile(outcomes.get(0).registration().businessId()).orElseThrow();
        assertThat(bakery.fein()).isEqualTo(values.fein());
        assertThat(bakery.establishments()).hasSize(2);
        assertThat(bakery.sourceRecords()).hasSize(4);
    }

    /**
     * Returns records that depend on each other. Record 1 joins 0 and adds its FEIN, and 2 joins through that FEIN
     * at a new address. Record 4 joins 3 through the trade name that 3 added, 5 is invalid, and 6 joins 3 by name
     * and phone. Record 7 has a placeholder name, 8 joins 0 with another phone, and 9 has 3's name at another
     * address.
     */
    private static List<IncomingBusiness> records(Values values) {
        String word = values.word();
        return List.of(
                record("GREENLEAF " + word + " BAKERY LLC", List.of(), null, "100 " + word + " ST", values.phone(0)),
                record("Greenleaf " + word + " Bakery", List.of(), values.fein(), "100 " + word + " Street",
                        values.phone(0)),
                record("GREEN LEAF " + word + " BAKERY INC", List.of(), values.fein(), "200 " + word + " AVE", null),
                record("Tri-County " + word + " Movers", List.of("TCM " + word), null, "300 " + word + " RD",
                        values.phone(1)),
                record("TCM " + word, List.of(), null, "300 " + word + " Road", null),
                record(" ", List.of(), null, "300 " + word + " RD", null),
                new IncomingBusiness("Tri County " + word + " Movers LLC", List.of(), null, null, null,
                        values.phone(1), values.phoneE164(1), null, null, Map.of()),
                record("Case Name", List.of(), null, "300 " + word + " RD", null),
                record("Greenleaf " + word + " Bakery", List.of(), null, "100 " + word + " St", values.phone(2)),
                record("Tri-County " + word + " Movers", List.of(), null, "400 " + word + " Rd", null));
    }

    private static IncomingBusiness record(String name, List<String> tradeNames, String fein, String line1,
                                           String phone) {
        String phoneE164 = phone == null ? null : "+1" + phone.replaceAll("[^0-9]", "");
        return new IncomingBusiness(name, tradeNames, fein, null, null, phone, phoneE164, null,
                new IncomingAddress(line1, null, "SOUTH BEND", "IN", "46601", "US", null), Map.of());
    }

    private static String describe(Registration registration) {
        return registration.created() ? "CREATED" : "MATCHED " + registration.matchReason();
    }

    /** Returns, for each record, the position of the first record with the same business, or -1 if rejected. */
    private static List<Integer> sameBusinessAs(List<Long> ids) {
        List<Integer> firsts = new ArrayList<>();
        for (Long id : ids) {
            firsts.add(id == null ? -1 : ids.indexOf(id));
        }
        return firsts;
    }

    /** Returns each business's profile as text, with the list's own word, phones and FEIN replaced by names. */
    private Map<Integer, List<String>> profiles(List<Long> ids, Values values) {
        Map<Integer, List<String>> profiles = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null || profiles.containsKey(ids.indexOf(id))) {
                continue;
            }
            BusinessProfile profile = search.findProfile(id).orElseThrow();
            List<String> lines = new ArrayList<>();
            lines.add("legal name " + profile.legalName() + ", FEIN " + profile.fein());
            profile.tradeNames().forEach(tradeName -> lines.add("trade name " + tradeName.name()));
            profile.establishments().forEach(establishment -> lines.add("establishment "
                    + establishment.addressLine1() + ", " + establishment.postalCode() + ", phone "
                    + establishment.phone()));
            profile.sourceRecords().forEach(source -> lines.add("source " + source.lineNumber() + " "
                    + source.matchReason()));
            profile.history().forEach(entry -> lines.add("history " + entry.field() + " " + entry.action() + " "
                    + entry.oldValue() + " -> " + entry.newValue()));
            profiles.put(i, lines.stream().map(values::anonymize).toList());
        }
        return profiles;
    }

    /** The random values of one list of records. */
    private record Values(String word, List<String> phones, String fein) {

        static Values random() {
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                phones.add("574-" + (200 + ThreadLocalRandom.current().nextInt(800)) + "-"
                        + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)));
            }
            return new Values(BusinessRegistryMatchingTest.uniqueWord(), phones,
                    BusinessRegistryMatchingTest.uniqueFein());
        }

        String phone(int index) {
            return phones.get(index);
        }

        String phoneE164(int index) {
            return "+1" + phones.get(index).replaceAll("[^0-9]", "");
        }

        String anonymize(String text) {
            Map<String, String> replacements = new HashMap<>();
            replacements.put(word, "WORD");
            replacements.put(word.toUpperCase(), "WORD");
            replacements.put(fein, "FEIN");
            for (int i = 0; i < phones.size(); i++) {
                replacements.put(phones.get(i), "PHONE" + i);
            }
            String result = text;
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                result = result.replace(replacement.getKey(), replacement.getValue());
            }
            return result;
        }
    }
}
