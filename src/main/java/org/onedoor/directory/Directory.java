package org.onedoor.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the directory for other modules: partners, and the service or office a record refers to.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PartnerSummary> findPartner(long id) {
        return jdbc.sql("SELECT id, area_id, code, name, demo FROM partner WHERE id = :id")
                .param("id", id)
                .query(PartnerSummary.class)
                .optional();
    }

    public List<PartnerSummary> partners() {
        return jdbc.sql("SELECT id, area_id, code, name, demo FROM partner ORDER BY name")
                .query(PartnerSummary.class)
                .list();
    }

    /**
     * Finds a service, active or not, with its partner, program, category, delivering office and verification.
     */
    public Optional<ServiceSummary> findService(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.name, p.id AS partner_id, p.name AS partner_name, pr.id AS program_id,
                               pr.name AS program_name, c.code AS category_code, c.name AS category_name,
                               o.id AS office_id, o.name AS office_name, o.time_zone AS office_time_zone, s.active,
                               s.last_verified_at, s.last_verified_by, review.review_due_at, review.review_overdue
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN office o ON o.id = s.office_id
                        JOIN employer_service_category c ON c.code = s.category_code
                        JOIN service_review review ON review.service_id = s.id
                        WHERE s.id = :id
                        """)
                .param("id", id)
                .query(ServiceSummary.class)
                .optional();
    }

    public Optional<OfficeSummary> findOffice(long id) {
        return jdbc.sql("""
                        SELECT o.id, o.partner_id, p.name AS partner_name, o.name, o.city, o.state, o.zip,
                               o.county_fips, o.time_zone, o.demo
                        FROM office o
                        JOIN partner p ON p.id = o.partner_id
                        WHERE o.id = :id
                        """)
                .param("id", id)
                .query(OfficeSummary.class)
                .optional();
    }
}
