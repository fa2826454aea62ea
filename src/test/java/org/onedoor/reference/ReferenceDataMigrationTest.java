package org.onedoor.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the rows that the V3 migration loads, straight from the tables. Uses a web environment with a random
 * port so that it shares its application context with the API test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataMigrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void naicsHasEveryCode() {
        assertThat(count("SELECT count(*) FROM naics_code")).isEqualTo(2125);
    }

    @Test
    void naicsLevelCounts() {
        Map<Integer, Long> byLevel = Map.of(2, 20L, 3, 96L, 4, 308L, 5, 689L, 6, 1012L);
        byLevel.forEach((level, expected) ->
                assertThat(count("SELECT count(*) FROM naics_code WHERE level = " + level))
                        .as("codes at level %d", level)
                        .isEqualTo(expected));
    }

    @Test
    void naicsSectorsIncludeRanges() {
        List<String> ranges = jdbc.sql("SELECT code FROM naics_code WHERE level = 2 AND code LIKE '%-%' ORDER BY code")
                .query(String.class)
                .list();
        assertThat(ranges).containsExactly("31-33", "44-45", "48-49");
        assertThat(count("SELECT count(*) FROM naics_code WHERE level = 2 AND code ~ '^[0-9]{2}$'")).isEqualTo(17);
        assertThat(count("SELECT count(*) FROM naics_code WHERE level = 2 AND parent_code IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM naics_code WHERE level = 2 AND sector_code <> code")).isZero();
    }

    @Test
    void naicsTitlesAreTrimmed() {
        assertThat(count("SELECT count(*) FROM naics_code WHERE title ~ '^[[:space:]\u00a0]|[[:space:]\u00a0]$'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM naics_code WHERE position(chr(160) IN title) > 0")).isZero();
        assertThat(title("211120")).isEqualTo("Crude Petroleum Extraction");
        assertThat(title("21112")).isEqualTo("Crude Petroleum Extraction");
        assertThat(title("334412")).isEqualTo("Bare Printed Circuit Board Manufacturing");
    }

    @Test
    void naicsTitlesCarryNoTrilateralMarker() {
        assertThat(count("SELECT count(*) FROM naics_code WHERE title ~ '[a-z)]T$'")).isZero();
        assertThat(title("541511")).isEqualTo("Custom Computer Programming Services");
    }

    @Test
    void naicsSectorsAndParentsForRangeSectors() {
        assertThat(sectorAndParent("311111")).containsExactly("31-33", "31111");
        assertThat(sectorAndParent("311")).containsExactly("31-33", "31-33");
        assertThat(sectorAndParent("445110")).containsExactly("44-45", "44511");
        assertThat(sectorAndParent("455")).containsExactly("44-45", "44-45");
        assertThat(sectorAndParent("481111")).containsExactly("48-49", "48111");
        assertThat(sectorAndParent("493110")).containsExactly("48-49", "49311");
        assertThat(sectorAndParent("541511")).containsExactly("54", "54151");
    }

    @Test
    void naicsParentsAreOneLevelUp() {
        assertThat(count("""
                SELECT count(*)
                FROM naics_code child
                JOIN naics_code parent ON parent.code = child.parent_code
                WHERE parent.level <> child.level - 1
                   OR parent.sector_code <> child.sector_code
                """)).isZero();
        assertThat(count("SELECT count(*) FROM naics_code WHERE level > 2 AND parent_code IS NULL")).isZero();
    }

    @Test
    void statesIncludeDistrictOfColumbia() {
        assertThat(count("SELECT count(*) FROM us_state")).isEqualTo(51);
        assertThat(jdbc.sql("SELECT abbreviation || ' ' || name FROM us_state WHERE fips = '11'")
                .query(String.class).single()).isEqualTo("DC District of Columbia");
        assertThat(jdbc.sql("SELECT fips FROM us_state WHERE abbreviation = 'AL'")
                .query(String.class).single()).isEqualTo("01");
    }

    @Test
    void countiesUseFiveDigitText() {
        assertThat(count("SELECT count(*) FROM us_county")).isEqualTo(3145);
        assertThat(countyName("01001")).isEqualTo("Autauga County");
        assertThat(countyName("11001")).isEqualTo("District of Columbia");
    }

    @Test
    void countyEncodingRepaired() {
        assertThat(countyName("35013")).isEqualTo("Doña Ana County");
        assertThat(count("SELECT count(*) FROM us_county WHERE name LIKE '%' || chr(65533) || '%'")).isZero();
        assertThat(count("SELECT count(*) FROM us_county WHERE name ~ '[^ -~]'"))
                .as("counties with a character outside printable ASCII")
                .isEqualTo(1);
    }

    @Test
    void countiesKeepPre2022SourceList() {
        // The source predates 2022, so it has Connecticut's 8 old counties and Valdez-Cordova but not
        // the planning regions or the 2019 Alaska census areas.
        assertThat(count("SELECT count(*) FROM us_county WHERE state_fips = '09'")).isEqualTo(8);
        assertThat(count("SELECT count(*) FROM us_county WHERE fips BETWEEN '09110' AND '09190'")).isZero();
        assertThat(countyName("02261")).isEqualTo("Valdez-Cordova Census Area");
        assertThat(count("SELECT count(*) FROM us_county WHERE fips IN ('02063', '02066')")).isZero();
    }

    @Test
    void employerServiceCategoriesInOrder() {
        List<String> names = jdbc.sql("SELECT name FROM employer_service_category ORDER BY sort_order")
                .query(String.class)
                .list();
        assertThat(names).containsExactly(
                "Employer Information and Support Services",
                "Workforce Recruitment Assistance",
                "Engaged in Strategic Planning or Economic Development",
                "Accessing Untapped Labor Pools",
                "Training Services",
                "Incumbent Worker Training Services",
                "Rapid Response or Business Downsizing Assistance",
                "Planning Layoff Response");
        List<String> codes = jdbc.sql("SELECT code FROM employer_service_category ORDER BY sort_order")
                .query(String.class)
                .list();
        assertThat(codes).containsExactly("employer-information", "workforce-recruitment", "strategic-planning",
                "untapped-labor-pools", "training", "incumbent-worker-training", "rapid-response",
                "planning-layoff-response");
        assertThat(count("SELECT count(*) FROM employer_service_category WHERE length(definition) < 40")).isZero();
    }

    @Test
    void requiredProgramsWithAgencies() {
        Map<String, String> agencyByCode = Map.ofEntries(
                Map.entry("wioa-adult", "Department of Labor, Employment and Training Administration"),
                Map.entry("wioa-dislocated-worker", "Department of Labor, Employment and Training Administration"),
                Map.entry("wioa-youth", "Department of Labor, Employment and Training Administration"),
                Map.entry("job-corps", "Department of Labor"),
                Map.entry("youthbuild", "Department of Labor"),
                Map.entry("native-american-programs", "Department of Labor"),
                Map.entry("migrant-seasonal-farmworkers", "Department of Labor"),
                Map.entry("adult-education", "Department of Education, Office of Career, Technical, and Adult Education"),
                Map.entry("wagner-peyser", "Department of Labor, Employment and Training Administration"),
                Map.entry("vocational-rehabilitation", "Department of Education, Rehabilitation Services Administration"),
                Map.entry("scsep", "Department of Labor"),
                Map.entry("perkins-cte", "Department of Education"),
                Map.entry("taa", "Department of Labor"),
                Map.entry("jvsg", "Department of Labor, Veterans' Employment and Training Service"),
                Map.entry("csbg-employment", "Department of Health and Human Services"),
                Map.entry("hud-employment", "Department of Housing and Urban Development"),
                Map.entry("unemployment-compensation", "Department of Labor"),
                Map.entry("reentry-employment", "Department of Labor"),
                Map.entry("tanf", "Department of Health and Human Services"));

        agencyByCode.forEach((code, agency) -> {
            List<Map<String, Object>> rows = jdbc.sql(
                            "SELECT federal_agency, required, authority FROM federal_program WHERE code = :code")
                    .param("code", code)
                    .query()
                    .listOfRows();
            assertThat(rows).as("program %s", code).hasSize(1);
            assertThat((String) rows.get(0).get("federal_agency")).as("agency of %s", code).contains(agency);
            assertThat(rows.get(0).get("required")).as("required flag of %s", code).isEqualTo(true);
            assertThat((String) rows.get(0).get("authority")).as("authority of %s", code).isNotBlank();
        });
        assertThat(count("SELECT count(*) FROM federal_program WHERE required")).isEqualTo(agencyByCode.size());
    }

    @Test
    void optionalProgramsPresent() {
        List<String> optional = jdbc.sql("SELECT code FROM federal_program WHERE NOT required ORDER BY sort_order")
                .query(String.class)
                .list();
        assertThat(optional).contains("snap-et", "ssa-ticket-to-work", "sba-programs", "client-assistance",
                "national-community-service");
        assertThat(jdbc.sql("SELECT federal_agency FROM federal_program WHERE code = 'snap-et'")
                .query(String.class).single()).contains("Department of Agriculture");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String title(String code) {
        return jdbc.sql("SELECT title FROM naics_code WHERE code = :code").param("code", code)
                .query(String.class).single();
    }

    private String countyName(String fips) {
        return jdbc.sql("SELECT name FROM us_county WHERE fips = :fips").param("fips", fips)
                .query(String.class).single();
    }

    private List<String> sectorAndParent(String code) {
        return jdbc.sql("SELECT sector_code, parent_code FROM naics_code WHERE code = :code")
                .param("code", code)
                .query((row, rowNumber) -> List.of(row.getString("sector_code"), row.getString("parent_code")))
                .single();
    }
}
