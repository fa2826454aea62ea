package org.onedoor.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Exercises the {@link ReferenceData} service against the migrated tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceDataTest {

    @Autowired
    ReferenceData referenceData;

    @Test
    void findNaicsByCode() {
        assertThat(referenceData.findNaics("541511"))
                .contains(new NaicsCode("541511", "Custom Computer Programming Services", 6, "54", "54151"));
        assertThat(referenceData.findNaics(" 31-33 ")).map(NaicsCode::title).contains("Manufacturing");
        assertThat(referenceData.findNaics("999999")).isEmpty();
        assertThat(referenceData.findNaics(null)).isEmpty();
    }

    @Test
    void isValidNaicsChecksExistence() {
        assertThat(referenceData.isValidNaics("541511")).isTrue();
        assertThat(referenceData.isValidNaics("44-45")).isTrue();
        assertThat(referenceData.isValidNaics("31")).isFalse();
        assertThat(referenceData.isValidNaics("999999")).isFalse();
        assertThat(referenceData.isValidNaics("")).isFalse();
        assertThat(referenceData.isValidNaics(null)).isFalse();
    }

    @Test
    void naicsChildrenOfRangeSector() {
        List<String> subsectors = referenceData.naicsChildren("31-33").stream().map(NaicsCode::code).toList();
        assertThat(subsectors).hasSize(21).startsWith("311").endsWith("339");
        assertThat(referenceData.naicsChildren("541511")).isEmpty();
        assertThat(referenceData.naicsChildren("54151").stream().map(NaicsCode::code))
                .containsExactly("541511", "541512", "541513", "541519");
    }

    @Test
    void sectorOfCodeAndPrefix() {
        assertThat(referenceData.sectorOf("311111")).map(NaicsCode::code).contains("31-33");
        assertThat(referenceData.sectorOf("31")).map(NaicsCode::code).contains("31-33");
        assertThat(referenceData.sectorOf("49")).map(NaicsCode::code).contains("48-49");
        assertThat(referenceData.sectorOf("541511")).map(NaicsCode::code).contains("54");
        assertThat(referenceData.sectorOf("99")).isEmpty();
        assertThat(referenceData.sectorOf("5")).isEmpty();
    }

    @Test
    void searchNaicsByTitleWord() {
        List<String> codes = referenceData.searchNaics("software", 20).stream().map(NaicsCode::code).toList();
        assertThat(codes).contains("513210");
    }

    @Test
    void searchNaicsFoldsCaseAndAccents() {
        List<String> codes = referenceData.searchNaics("CAFÉTERIAS", 5).stream().map(NaicsCode::code).toList();
        assertThat(codes).contains("722514");
    }

    @Test
    void searchNaicsMatchesWordsInAnyOrder() {
        List<String> codes = referenceData.searchNaics("programming computer", 10).stream()
                .map(NaicsCode::code).toList();
        assertThat(codes).contains("541511");
    }

    @Test
    void searchNaicsToleratesTypo() {
        List<String> titles = referenceData.searchNaics("resturants", 10).stream().map(NaicsCode::title).toList();
        assertThat(titles).anyMatch(title -> title.contains("Restaurants"));
    }

    @Test
    void searchNaicsByCodePrefix() {
        List<String> codes = referenceData.searchNaics("5415", 10).stream().map(NaicsCode::code).toList();
        assertThat(codes).startsWith("5415", "54151", "541511");
        assertThat(codes).allMatch(code -> code.startsWith("5415"));
    }

    @Test
    void searchNaicsRespectsLimitAndBlankQuery() {
        assertThat(referenceData.searchNaics("manufacturing", 3)).hasSize(3);
        assertThat(referenceData.searchNaics("   ", 10)).isEmpty();
        assertThat(referenceData.searchNaics("--- ...", 10)).isEmpty();
        assertThat(referenceData.searchNaics(null, 10)).isEmpty();
        assertThatThrownBy(() -> referenceData.searchNaics("farming", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statesAndLookupByAbbreviation() {
        assertThat(referenceData.states()).hasSize(51);
        assertThat(referenceData.findStateByAbbreviation(" nm ")).contains(new State("35", "NM", "New Mexico"));
        assertThat(referenceData.findStateByAbbreviation("ZZ")).isEmpty();
        assertThat(referenceData.findStateByAbbreviation(null)).isEmpty();
    }

    @Test
    void countiesOfState() {
        List<County> counties = referenceData.countiesOf("35");
        assertThat(counties).hasSize(33);
        assertThat(counties).contains(new County("35013", "35", "Doña Ana County"));
        assertThat(referenceData.countiesOf("99")).isEmpty();
    }

    @Test
    void findCountyByFips() {
        assertThat(referenceData.findCounty("01001")).contains(new County("01001", "01", "Autauga County"));
        assertThat(referenceData.findCounty("1001")).isEmpty();
    }

    @Test
    void findCountyByNameFolds() {
        assertThat(fipsOf("NM", "Dona Ana")).isEqualTo("35013");
        assertThat(fipsOf("nm", "DOÑA ANA COUNTY")).isEqualTo("35013");
        assertThat(fipsOf("NM", "doña-ana")).isEqualTo("35013");
        assertThat(fipsOf("AL", "Autauga")).isEqualTo("01001");
        assertThat(fipsOf("AL", "Autauga County")).isEqualTo("01001");
    }

    @Test
    void findCountyByNameForCountyEquivalents() {
        assertThat(fipsOf("LA", "Orleans")).isEqualTo("22071");
        assertThat(fipsOf("AK", "Juneau")).isEqualTo("02110");
        assertThat(fipsOf("VA", "Richmond")).isEqualTo("51159");
        assertThat(fipsOf("VA", "Richmond city")).isEqualTo("51760");
        assertThat(fipsOf("DC", "District of Columbia")).isEqualTo("11001");
    }

    @Test
    void findCountyByNameRejectsUnknown() {
        assertThat(referenceData.findCountyByName("ZZ", "Autauga")).isEmpty();
        assertThat(referenceData.findCountyByName("NM", "Autauga")).isEmpty();
        assertThat(referenceData.findCountyByName("NM", " ")).isEmpty();
        assertThat(referenceData.findCountyByName(null, "Autauga")).isEmpty();
    }

    @Test
    void federalProgramsRequiredFirst() {
        List<FederalProgram> programs = referenceData.federalPrograms();
        assertThat(programs).extracting(FederalProgram::code)
                .contains("wioa-adult", "vocational-rehabilitation", "wagner-peyser", "adult-education", "jvsg",
                        "taa", "tanf", "snap-et");
        int firstOptional = programs.indexOf(programs.stream().filter(program -> !program.required()).findFirst()
                .orElseThrow());
        assertThat(programs.subList(firstOptional, programs.size())).noneMatch(FederalProgram::required);
    }

    @Test
    void employerServiceCategoriesListed() {
        assertThat(referenceData.employerServiceCategories()).extracting(EmployerServiceCategory::code)
                .hasSize(8)
                .startsWith("employer-information")
                .endsWith("planning-layoff-response");
    }

    private String fipsOf(String state, String name) {
        return referenceData.findCountyByName(state, name).map(County::fips).orElse(null);
    }
}
