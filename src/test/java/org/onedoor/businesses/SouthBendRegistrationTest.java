package org.onedoor.businesses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.SouthBendLicences.RegisteredRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers every row of the City of South Bend licence list (one row per business and licence year) and checks
 * that the yearly rows of one business became one business.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SouthBendRegistrationTest {

    @Autowired
    BusinessRegistry registry;

    @Autowired
    BusinessSearch search;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registersEveryRowIntoFarFewerBusinesses() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);

        Set<Long> businesses = rows.stream().map(row -> row.registration().businessId()).collect(Collectors.toSet());
        assertThat(rows).hasSize(SouthBendLicences.ROW_COUNT);
        assertThat(businesses.size()).isLessThan(SouthBendLicences.ROW_COUNT * 2 / 3);
    }

    @Test
    void leavesNoSameNameSameStreetDuplicates() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);
        Long[] ids = rows.stream().map(row -> row.registration().businessId()).distinct().toArray(Long[]::new);

        // Placeholder names such as "TEST" are kept apart on purpose, because they say nothing about the business.
        List<String> duplicates = jdbc.sql("""
                        SELECT b.name_key || ' at ' || e.address_key AS duplicate, min(b.legal_name) AS legal_name
                        FROM business b
                        JOIN establishment e ON e.business_id = b.id
                        WHERE b.id = ANY (CAST(:ids AS bigint[])) AND e.address_key IS NOT NULL
                        GROUP BY b.name_key, e.address_key, e.unit_key
                        HAVING count(DISTINCT b.id) > 1
                        """)
                .param("ids", ids)
                .query((rs, row) -> PlaceholderNames.isPlaceholder(rs.getString("legal_name")) ? null
                        : rs.getString("duplicate"))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();

        assertThat(duplicates).isEmpty();
    }

    @Test
    void mergesFranksPlaceSpellings() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);

        assertThat(businessesNamed(rows, "FRANK'S PLACE", "Frank's Place")).hasSize(1);
    }

    @Test
    void mergesRagamuffinAcrossYears() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);

        assertThat(businessesNamed(rows, "RAGAMUFFIN BAKERY & COFFEE")).hasSize(1);
    }

    @Test
    void mergesFricksWithAndWithoutSpaceBeforeChill() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);

        assertThat(businessesNamed(rows, "Frick’s DQ Grill & Chill", "Frick’s DQ Grill &Chill")).hasSize(1);
    }

    @Test
    void mergesMcDonaldsStoreSpellingsButNotStores() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);

        assertThat(businessesNamed(rows, "MC DONALD'S 2982", "McDonald's 2982")).hasSize(1);
        assertThat(businessesNamed(rows, "MC DONALD'S 2982", "MC DONALD'S 574")).hasSize(2);
    }

    @Test
    void keepsChocolateCafeLocationsApart() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);

        assertThat(businessesNamed(rows, "CHOCOLATE CAFE' - AIRPORT", "CHOCOLATE CAFE' - STUDEBAGELS")).hasSize(2);
    }

    @Test
    void keepsEveryRowAsSourceRecord() {
        List<RegisteredRow> rows = SouthBendLicences.registerAll(registry);
        long franksPlace = businessesNamed(rows, "FRANK'S PLACE").iterator().next();

        BusinessProfile profile = search.findProfile(franksPlace).orElseThrow();

        assertThat(profile.sourceRecords()).extracting(BusinessProfile.SourceRecord::rawValues)
                .extracting(values -> values.get("year"))
                .contains("2020", "2021", "2022");
        assertThat(profile.establishments()).hasSize(1);
    }

    private static Set<Long> businessesNamed(List<RegisteredRow> rows, String... names) {
        Set<String> expected = Set.of(names);
        Set<Long> ids = rows.stream()
                .filter(row -> expected.contains(row.business().legalName()))
                .map(row -> row.registration().businessId())
                .collect(Collectors.toSet());
        assertThat(ids).as("businesses for %s", expected).isNotEmpty();
        return ids;
    }
}
