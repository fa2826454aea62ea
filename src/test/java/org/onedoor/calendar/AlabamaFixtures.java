package org.onedoor.calendar;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test area on the Alabama and Georgia line: a job center in Phenix City AL, which keeps Eastern time with
 * Columbus GA, sends referrals to a partner in Montgomery AL, on Central time, whose office delivers the service.
 * Every name is unique, so tests never depend on each other.
 */
public final class AlabamaFixtures {

    public static final String EASTERN = "America/New_York";
    public static final String CENTRAL = "America/Chicago";

    private AlabamaFixtures() {
    }

    public record AlabamaArea(String suffix, long areaId, long sendingPartnerId, long phenixCityOfficeId,
                              long receivingPartnerId, long montgomeryOfficeId, long serviceId, String serviceName) {
    }

    public static AlabamaArea create(JdbcClient jdbc) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long areaId = jdbc.sql("INSERT INTO workforce_area (code, name, state_fips) VALUES (:code, :name, '01') RETURNING id")
                .param("code", "test-alabama-" + suffix)
                .param("name", "Test Alabama area " + suffix)
                .query(Long.class).single();
        long sendingPartnerId = partner(jdbc, areaId, "Test job center " + suffix, "test-job-center-" + suffix);
        long phenixCityOfficeId = office(jdbc, sendingPartnerId, "Phenix City " + suffix, "Phenix City", "36867", EASTERN);
        long receivingPartnerId = partner(jdbc, areaId, "Test college " + suffix, "test-college-" + suffix);
        long montgomeryOfficeId = office(jdbc, receivingPartnerId, "Montgomery " + suffix, "Montgomery", "36104", CENTRAL);
        long programId = jdbc.sql("""
                        INSERT INTO program (partner_id, federal_program_code, name)
                        VALUES (:partnerId, 'wioa-adult', :name) RETURNING id""")
                .param("partnerId", receivingPartnerId)
                .param("name", "Test program " + suffix)
                .query(Long.class).single();
        String serviceName = "Welding apprenticeship " + suffix;
        long serviceId = jdbc.sql("""
                        INSERT INTO service (program_id, office_id, category_code, name, description)
                        VALUES (:programId, :officeId, 'training', :name, 'Welding training for new hires.')
                        RETURNING id""")
                .param("programId", programId)
                .param("officeId", montgomeryOfficeId)
                .param("name", serviceName)
                .query(Long.class).single();
        return new AlabamaArea(suffix, areaId, sendingPartnerId, phenixCityOfficeId, receivingPartnerId,
                montgomeryOfficeId, serviceId, serviceName);
    }

    private static long partner(JdbcClient jdbc, long areaId, String name, String code) {
        return jdbc.sql("INSERT INTO partner (area_id, code, name) VALUES (:areaId, :code, :name) RETURNING id")
                .param("areaId", areaId)
                .param("code", code)
                .param("name", name)
                .query(Long.class).single();
    }

    private static long office(JdbcClient jdbc, long partnerId, String name, String city, String zip, String zone) {
        return jdbc.sql("""
                        INSERT INTO office (partner_id, name, address_line1, city, state, zip, time_zone)
                        VALUES (:partnerId, :name, '1 Example Street', :city, 'AL', :zip, :zone) RETURNING id""")
                .param("partnerId", partnerId)
                .param("name", name)
                .param("city", city)
                .param("zip", zip)
                .param("zone", zone)
                .query(Long.class).single();
    }
}
