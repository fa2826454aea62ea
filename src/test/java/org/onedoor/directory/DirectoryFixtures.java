package org.onedoor.directory;

import java.util.UUID;

import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates uniquely named directory entries for tests, in a workforce area of their own, so tests never depend on
 * the demo area or on each other.
 */
public final class DirectoryFixtures {

    private DirectoryFixtures() {
    }

    /** The ids and unique name part of one test partner with one office, program and unverified service. */
    public record TestPartner(String suffix, long areaId, long partnerId, String partnerName, long officeId,
                              long programId, long serviceId, String serviceName) {
    }

    public static TestPartner createPartner(JdbcClient jdbc) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long areaId = jdbc.sql("""
                        INSERT INTO workforce_area (code, name, state_fips) VALUES (:code, :name, '18') RETURNING id""")
                .param("code", "test-area-" + suffix)
                .param("name", "Test area " + suffix)
                .query(Long.class).single();
        String partnerName = "Test partner " + suffix;
        long partnerId = jdbc.sql("""
                        INSERT INTO partner (area_id, code, name) VALUES (:areaId, :code, :name) RETURNING id""")
                .param("areaId", areaId)
                .param("code", "test-partner-" + suffix)
                .param("name", partnerName)
                .query(Long.class).single();
        long officeId = jdbc.sql("""
                        INSERT INTO office (partner_id, name, address_line1, city, state, zip, county_fips, time_zone)
                        VALUES (:partnerId, :name, '1 Example Street', 'Mishawaka', 'IN', '46544', '18141',
                                'America/Indiana/Indianapolis')
                        RETURNING id""")
                .param("partnerId", partnerId)
                .param("name", "Test office " + suffix)
                .query(Long.class).single();
        long programId = jdbc.sql("""
                        INSERT INTO program (partner_id, federal_program_code, name)
                        VALUES (:partnerId, 'wioa-adult', :name) RETURNING id""")
                .param("partnerId", partnerId)
                .param("name", "Test program " + suffix)
                .query(Long.class).single();
        String serviceName = "Forklift certification " + suffix;
        long serviceId = jdbc.sql("""
                        INSERT INTO service (program_id, office_id, category_code, name, description,
                                             eligibility_description)
                        VALUES (:programId, :officeId, 'training', :name,
                                'Forklift operator training for new hires.',
                                'Employers hiring warehouse workers. Other conditions apply.')
                        RETURNING id""")
                .param("programId", programId)
                .param("officeId", officeId)
                .param("name", serviceName)
                .query(Long.class).single();
        return new TestPartner(suffix, areaId, partnerId, partnerName, officeId, programId, serviceId, serviceName);
    }

    /** Returns a signed-in principal that exists only in the test; ids far from the database's never collide. */
    public static CurrentUser user(Role role, Long partnerId) {
        long id = 900_000_000L + (long) (Math.random() * 1_000_000);
        String email = role.name().toLowerCase() + "-" + id + "@onedoor.test";
        return new CurrentUser(id, email, "Test " + role.label(), role, partnerId, "{noop}unused", true);
    }
}
