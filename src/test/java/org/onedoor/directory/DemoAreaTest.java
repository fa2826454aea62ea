package org.onedoor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks the demo area that the test database loads on its first start, as the application does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoAreaTest {

    private static final String DEMO_AREA = "in-northern-indiana-demo";

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoAreaIsMarkedDemoInIndiana() {
        var area = jdbc.sql("SELECT state_fips, demo FROM workforce_area WHERE code = :code")
                .param("code", DEMO_AREA)
                .query((rs, row) -> List.of(rs.getString("state_fips"), rs.getBoolean("demo")))
                .single();

        assertThat(area.get(0)).isEqualTo("18");
        assertThat(area.get(1)).isEqualTo(true);
    }

    @Test
    void demoAreaHasElevenPartners() {
        List<String> codes = jdbc.sql("""
                        SELECT p.code FROM partner p JOIN workforce_area a ON a.id = p.area_id
                        WHERE a.code = :code AND p.demo""")
                .param("code", DEMO_AREA)
                .query(String.class)
                .list();

        assertThat(codes).hasSize(11).contains("workone-northern-indiana", "indiana-vocational-rehabilitation",
                "indiana-adult-education", "ivy-tech-south-bend-elkhart", "indiana-jvsg", "indiana-rapid-response",
                "indiana-trade-adjustment-assistance", "scsep-northern-indiana", "indiana-impact", "job-corps",
                "dwd-employment-service");
    }

    @Test
    void demoServicesCoverAllCategories() {
        List<String> categories = jdbc.sql(demoServices("s.category_code")).param("code", DEMO_AREA)
                .query(String.class).list();

        assertThat(categories).hasSizeBetween(30, 40);
        assertThat(categories).doesNotContainNull();
        assertThat(categories).containsAll(jdbc.sql("SELECT code FROM employer_service_category")
                .query(String.class).list());
    }

    @Test
    void demoServicesHaveDescriptionsEligibilityAndExampleContacts() {
        List<String> problems = jdbc.sql(demoServices("""
                        s.name || ': ' || concat_ws(', ',
                            CASE WHEN btrim(s.eligibility_description) = '' THEN 'no eligibility' END,
                            CASE WHEN s.contact_email NOT LIKE '%@example.org' THEN 'contact not at example.org' END)""")
                        + " AND (btrim(s.eligibility_description) = '' OR s.contact_email NOT LIKE '%@example.org')")
                .param("code", DEMO_AREA)
                .query(String.class)
                .list();

        assertThat(problems).isEmpty();
    }

    @Test
    void fewDemoServicesAreUnverified() {
        List<Boolean> verified = jdbc.sql(demoServices("s.last_verified_at IS NOT NULL")).param("code", DEMO_AREA)
                .query(Boolean.class).list();

        long unverified = verified.stream().filter(v -> !v).count();
        assertThat(unverified).isBetween(2L, 6L);
        assertThat(verified.size() - unverified).isGreaterThan(verified.size() / 2);
    }

    @Test
    void demoOfficesAreMarkedAndValid() {
        List<List<Object>> offices = jdbc.sql("""
                        SELECT o.name, o.time_zone, o.county_fips, o.demo, o.address_line1
                        FROM office o
                        JOIN partner p ON p.id = o.partner_id
                        JOIN workforce_area a ON a.id = p.area_id
                        WHERE a.code = :code""")
                .param("code", DEMO_AREA)
                .query((rs, row) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5)))
                .list();

        assertThat(offices).hasSizeGreaterThanOrEqualTo(11);
        for (List<Object> office : offices) {
            assertThat(ZoneId.getAvailableZoneIds()).as("zone of %s", office.get(0)).contains((String) office.get(1));
            assertThat(office.get(2)).as("county of %s", office.get(0))
                    .isIn("18039", "18049", "18085", "18099", "18141");
            assertThat(office.get(3)).as("demo flag of %s", office.get(0)).isEqualTo(true);
            assertThat((String) office.get(0)).as("name of %s", office.get(0)).contains("(fictional)");
            assertThat((String) office.get(4)).as("address of %s", office.get(0)).contains("Example");
        }
    }

    @Test
    void demoProgramsReferenceFederalPrograms() {
        List<String> codes = jdbc.sql("""
                        SELECT pr.federal_program_code
                        FROM program pr
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN workforce_area a ON a.id = p.area_id
                        WHERE a.code = :code AND pr.federal_program_code IS NOT NULL""")
                .param("code", DEMO_AREA)
                .query(String.class)
                .list();

        assertThat(codes).contains("wioa-adult", "wioa-dislocated-worker", "wioa-youth", "wagner-peyser",
                "vocational-rehabilitation", "adult-education", "perkins-cte", "jvsg", "taa", "scsep", "tanf",
                "job-corps");
    }

    private static String demoServices(String column) {
        return """
                SELECT %s
                FROM service s
                JOIN program pr ON pr.id = s.program_id
                JOIN partner p ON p.id = pr.partner_id
                JOIN workforce_area a ON a.id = p.area_id
                WHERE a.code = :code""".formatted(column);
    }
}
